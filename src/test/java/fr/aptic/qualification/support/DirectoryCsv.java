package fr.aptic.qualification.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds directory files as the national open-data export writes them: the standard's columns in its order,
 * {@code ,} separated, values with commas or quotes quoted, empty optional columns.
 */
public final class DirectoryCsv {

    public static final List<String> HEADER = List.of(
            "id",
            "pivot",
            "nom",
            "commune",
            "code_postal",
            "code_insee",
            "adresse",
            "complement_adresse",
            "latitude",
            "longitude",
            "typologie",
            "telephone",
            "courriels",
            "site_web",
            "horaires",
            "presentation_resume",
            "presentation_detail",
            "source",
            "itinerance",
            "structure_parente",
            "date_maj",
            "services",
            "publics_specifiquement_adresses",
            "prise_en_charge_specifique",
            "frais_a_charge",
            "dispositif_programmes_nationaux",
            "formations_labels",
            "autres_formations_labels",
            "modalites_acces",
            "modalites_accompagnement",
            "fiche_acces_libre",
            "prise_rdv");

    private final List<Map<String, String>> rows = new ArrayList<>();

    /** A place as a real export carries it: accents, a quoted address with a comma, optional columns left empty. */
    public static Map<String, String> place(
            String id, String siret, String name, String postalCode, String insee, String commune, LocalDate updated) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("pivot", siret);
        row.put("nom", name);
        row.put("commune", commune);
        row.put("code_postal", postalCode);
        row.put("code_insee", insee);
        row.put("adresse", "12, rue de l'Hôtel de Ville");
        row.put("telephone", "+33478000000");
        row.put("courriels", "contact@" + id + ".fr|accueil@" + id + ".fr");
        row.put("horaires", "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00");
        row.put("source", "Hinaura");
        row.put("itinerance", "Fixe");
        row.put("date_maj", updated.toString());
        row.put("services", "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien");
        row.put("frais_a_charge", "Gratuit");
        return row;
    }

    /** The entry with the national standard's coordinates, written as French spreadsheets do ({@code 45,7676}). */
    public static Map<String, String> located(Map<String, String> entry, String latitude, String longitude) {
        entry.put("latitude", latitude);
        entry.put("longitude", longitude);
        return entry;
    }

    public DirectoryCsv add(Map<String, String> row) {
        rows.add(row);
        return this;
    }

    public String text() {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (Map<String, String> row : rows) {
            List<String> values = new ArrayList<>();
            for (String column : HEADER) {
                values.add(quote(row.getOrDefault(column, "")));
            }
            csv.append(String.join(",", values)).append("\r\n");
        }
        return csv.toString();
    }

    public static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains(";")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
