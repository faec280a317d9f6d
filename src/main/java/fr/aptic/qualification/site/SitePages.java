package fr.aptic.qualification.site;

import fr.aptic.qualification.map.PublishedPlaces;
import fr.aptic.qualification.map.QualifiedPlace;
import fr.aptic.qualification.reference.NationalServices;
import fr.aptic.qualification.reference.Territories;
import fr.aptic.qualification.web.Pages;
import fr.aptic.qualification.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The home page and the public map of qualified places. */
@Controller
@Pages
class SitePages {

    private final PublishedPlaces places;
    private final Territories territories = Territories.defaults();
    private final SiteProperties properties;

    SitePages(PublishedPlaces places, SiteProperties properties) {
        this.places = places;
        this.properties = properties;
    }

    @GetMapping("/")
    String home() {
        return "accueil";
    }

    /**
     * The map and, beside it, the same places as a list (keyboard and screen readers); filters by département,
     * service and network, read on the server so that they work without JavaScript too.
     */
    @GetMapping("/carte")
    String map(
            @RequestParam(name = "departement", required = false) String departement,
            @RequestParam(name = "service", required = false) String service,
            @RequestParam(name = "reseau", required = false) String network,
            HttpServletResponse response,
            Model model) {
        String d = blankToNull(departement);
        String s = blankToNull(service);
        String n = blankToNull(network);
        List<QualifiedPlace> found;
        try {
            found = places.find(d, s, n);
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("errors", FormErrors.of(e.errors()));
            found = List.of();
        }
        model.addAttribute("places", found);
        model.addAttribute("departement", d);
        model.addAttribute("service", s);
        model.addAttribute("reseau", n);
        model.addAttribute("departements", territories.departements());
        model.addAttribute("services", NationalServices.SERVICES);
        model.addAttribute(
                "reseaux",
                places.find(null, null, null).stream()
                        .map(QualifiedPlace::networkId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList());
        model.addAttribute("geojson", export("/api/places.geojson", d, s, n));
        model.addAttribute("csv", export("/api/places.csv", d, s, n));
        model.addAttribute("tiles", properties.map());
        model.addAttribute("wording", new PageWording());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        return "carte";
    }

    private static String export(String path, String departement, String service, String network) {
        return UriComponentsBuilder.fromPath(path)
                .queryParamIfPresent("departement", java.util.Optional.ofNullable(departement))
                .queryParamIfPresent("service", java.util.Optional.ofNullable(service))
                .queryParamIfPresent("networkId", java.util.Optional.ofNullable(network))
                .encode()
                .build()
                .toUriString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
