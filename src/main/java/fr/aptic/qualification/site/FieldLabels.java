package fr.aptic.qualification.site;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The French label of an application field, as the form and its error summary name it. */
final class FieldLabels {

    private static final Pattern INDEXED = Pattern.compile("^places\\[(\\d+)\\]\\.?([^\\[]*)(\\[(\\d+)\\])?$");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("", "Formulaire"),
            Map.entry("siret", "Numéro SIRET"),
            Map.entry("organisation", "Structure"),
            Map.entry("organisation.name", "Nom de la structure"),
            Map.entry("organisation.legalForm", "Forme juridique"),
            Map.entry("organisation.website", "Site web"),
            Map.entry("organisation.description", "Présentation de la structure"),
            Map.entry("contact", "Contact"),
            Map.entry("contact.name", "Nom du contact"),
            Map.entry("contact.email", "Adresse électronique du contact"),
            Map.entry("contact.phone", "Téléphone du contact"),
            Map.entry("legalRepresentative", "Représentant légal"),
            Map.entry("legalRepresentative.name", "Nom du représentant légal"),
            Map.entry("legalRepresentative.email", "Adresse électronique du représentant légal"),
            Map.entry("places", "Lieux d'accueil"),
            Map.entry("name", "Nom du lieu"),
            Map.entry("address", "Adresse"),
            Map.entry("postalCode", "Code postal"),
            Map.entry("inseeCode", "Code commune INSEE"),
            Map.entry("commune", "Commune"),
            Map.entry("kind", "Type de lieu"),
            Map.entry("conventionReference", "Référence de la convention"),
            Map.entry("latitude", "Latitude"),
            Map.entry("longitude", "Longitude"),
            Map.entry("openingHours", "Horaires d'ouverture"),
            Map.entry("regulatedPrice", "Tarif encadré"),
            Map.entry("servicesPerYear", "Accompagnements par an"),
            Map.entry("services", "Services proposés"),
            Map.entry("quality", "Qualité de l'accompagnement"),
            Map.entry("quality.trainedMediators", "Médiateurs formés"),
            Map.entry("quality.volunteers", "Bénévoles"),
            Map.entry("quality.supervisedVolunteers", "Bénévoles encadrés"),
            Map.entry("quality.openingHoursPerWeek", "Heures d'ouverture par semaine"),
            Map.entry("quality.accessible", "Accessibilité"),
            Map.entry("quality.yearsOfActivity", "Années d'activité"),
            Map.entry("quality.nationalProgrammes", "Dispositifs nationaux"),
            Map.entry("charter", "Charte d'engagements"),
            Map.entry("charter.version", "Version de la charte"),
            Map.entry("charter.commitments", "Engagements de la charte"),
            Map.entry("termsAccepted", "Conditions générales"),
            Map.entry("bank", "Coordonnées bancaires"),
            Map.entry("bank.holder", "Titulaire du compte"),
            Map.entry("bank.iban", "IBAN"),
            Map.entry("bank.bic", "BIC"));

    private FieldLabels() {}

    static String of(String field) {
        if (field == null) {
            return LABELS.get("");
        }
        Matcher place = INDEXED.matcher(field);
        if (place.matches()) {
            String label = place.group(2).isEmpty() ? "Lieu" : LABELS.getOrDefault(place.group(2), place.group(2));
            return label + " (lieu " + (Integer.parseInt(place.group(1)) + 1) + ")";
        }
        String plain = field.replaceAll("\\[\\d+\\]$", "");
        if (plain.startsWith("charter.commitments.")) {
            return "Engagement : " + Wording.commitment(plain.substring("charter.commitments.".length()));
        }
        return LABELS.getOrDefault(plain, LABELS.getOrDefault(plain.replaceAll("\\..*$", ""), "Formulaire"));
    }
}
