package fr.aptic.qualification.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the published places of qualified producers. */
@Repository
class PlaceRepository {

    private final JdbcClient jdbc;

    PlaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<QualifiedPlace> published(String departement, String service, String networkId) {
        StringBuilder sql = new StringBuilder(
                "select p.application_id, p.position, a.siret, a.organisation_name, p.name, p.address, p.postal_code,"
                        + " p.insee_code, p.commune, p.departement, p.kind, p.opening_hours, p.regulated_price,"
                        + " p.services, a.network_id, a.updated_at, p.latitude, p.longitude from app_place p"
                        + " join app_application a on a.id = p.application_id"
                        + " where p.published = true and a.status = 'QUALIFIED'");
        List<Object> params = new ArrayList<>();
        if (departement != null) {
            sql.append(" and p.departement = ?");
            params.add(departement);
        }
        if (networkId != null) {
            sql.append(" and a.network_id = ?");
            params.add(networkId);
        }
        if (service != null) {
            // services are stored joined with '|'; match one whole entry
            sql.append(" and ('|' || p.services || '|') like ?");
            params.add("%|" + service.replace("%", "\\%").replace("_", "\\_") + "|%");
        }
        sql.append(" order by a.organisation_name, p.position");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new QualifiedPlace(
                        rs.getString("application_id") + "-" + rs.getInt("position"),
                        rs.getString("siret"),
                        rs.getString("organisation_name"),
                        rs.getString("name"),
                        rs.getString("address"),
                        rs.getString("postal_code"),
                        rs.getString("insee_code"),
                        rs.getString("commune"),
                        rs.getString("departement"),
                        rs.getString("kind"),
                        rs.getString("opening_hours"),
                        rs.getBoolean("regulated_price"),
                        Arrays.asList(rs.getString("services").split("\\|")),
                        rs.getString("network_id"),
                        rs.getTimestamp("updated_at").toLocalDateTime().toLocalDate(),
                        rs.getObject("latitude", Double.class),
                        rs.getObject("longitude", Double.class)))
                .list();
    }
}
