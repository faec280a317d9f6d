package fr.aptic.qualification.site;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The pages' settings ({@code aptic.site.*}).
 *
 * @param map the map's background tiles: an XYZ URL template ({@code {z}/{x}/{y}}) and its attribution; with an
 *     empty URL, or no internet, the markers show on a plain background
 */
@ConfigurationProperties("aptic.site")
public record SiteProperties(Map map) {

    public static final String IGN_PLAN = "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
            + "&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png"
            + "&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}";

    public SiteProperties {
        map = map == null ? new Map(IGN_PLAN, "© IGN – Géoplateforme") : map;
    }

    /** The tile URL template and attribution. */
    public record Map(String tileUrl, String attribution) {

        public Map {
            tileUrl = tileUrl == null ? "" : tileUrl.strip();
            attribution = attribution == null ? "" : attribution;
            if (!tileUrl.isEmpty() && !tileUrl.startsWith("https://") && !tileUrl.startsWith("http://")) {
                throw new IllegalArgumentException("aptic.site.map.tile-url must be an http(s) URL template");
            }
        }

        /** The tiles' origin, for the pages' content security policy; empty without tiles. */
        public String origin() {
            if (tileUrl.isEmpty()) {
                return "";
            }
            URI uri = URI.create(tileUrl.replaceAll("\\{[a-z]\\}", "0"));
            return uri.getScheme() + "://" + uri.getAuthority();
        }
    }
}
