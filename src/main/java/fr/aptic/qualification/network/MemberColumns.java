package fr.aptic.qualification.network;

import fr.aptic.qualification.csv.CsvSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A batch's CSV columns (API.md) and, for each field of the application a row becomes, the column it comes from. */
final class MemberColumns {

    private MemberColumns() {}

    static final List<String> COLUMNS = List.of(
            "siret",
            "name",
            "legalForm",
            "contactName",
            "contactEmail",
            "placeName",
            "address",
            "postalCode",
            "inseeCode",
            "commune",
            "placeKind",
            "conventionReference",
            "services",
            "trainedMediators",
            "openingHoursPerWeek",
            "accessible",
            "servicesPerYear",
            "regulatedPrice",
            "charterAccepted",
            "iban",
            "bic",
            "latitude",
            "longitude");
    /** Columns a file may leave out: their values are optional in every row anyway. */
    static final Set<String> OPTIONAL =
            Set.of("inseeCode", "conventionReference", "iban", "bic", "latitude", "longitude");

    static final CsvSchema SCHEMA = CsvSchema.of(
            COLUMNS, COLUMNS.stream().filter(c -> !OPTIONAL.contains(c)).toList());

    /** Where each validator field of the application comes from in the row. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(
            Map.entry("siret", "siret"),
            Map.entry("organisation.name", "name"),
            Map.entry("organisation.legalForm", "legalForm"),
            Map.entry("contact.name", "contactName"),
            Map.entry("contact.email", "contactEmail"),
            Map.entry("legalRepresentative.name", "contactName"),
            Map.entry("legalRepresentative.email", "contactEmail"),
            Map.entry("places[0].name", "placeName"),
            Map.entry("places[0].address", "address"),
            Map.entry("places[0].postalCode", "postalCode"),
            Map.entry("places[0].inseeCode", "inseeCode"),
            Map.entry("places[0].commune", "commune"),
            Map.entry("places[0].kind", "placeKind"),
            Map.entry("places[0].conventionReference", "conventionReference"),
            Map.entry("places[0].regulatedPrice", "regulatedPrice"),
            Map.entry("places[0].servicesPerYear", "servicesPerYear"),
            Map.entry("places[0].latitude", "latitude"),
            Map.entry("places[0].longitude", "longitude"),
            Map.entry("quality.trainedMediators", "trainedMediators"),
            Map.entry("quality.openingHoursPerWeek", "openingHoursPerWeek"),
            Map.entry("quality.accessible", "accessible"),
            Map.entry("termsAccepted", "charterAccepted"),
            Map.entry("bank", "iban"),
            Map.entry("bank.holder", "name"),
            Map.entry("bank.iban", "iban"),
            Map.entry("bank.bic", "bic"));

    /** The CSV column a validator field comes from ({@code places[0].postalCode} → {@code postalCode}). */
    static String columnOf(String field) {
        String column = COLUMN_OF_FIELD.get(field);
        if (column != null) {
            return column;
        }
        if (field.startsWith("places[0].services")) {
            return "services";
        }
        if (field.startsWith("charter")) {
            return "charterAccepted";
        }
        return field;
    }
}
