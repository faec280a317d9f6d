package fr.aptic.qualification.map;

import fr.aptic.qualification.csv.CsvWriter;
import fr.aptic.qualification.reference.OpenDataStandard;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes qualified places in the columns of the national open-data standard for digital-mediation places
 * (v1.0.2, La MedNum / ANCT), multiple values joined with {@code |}, qualified places marked {@code APTIC} in
 * {@code autres_formations_labels}, coordinates with a decimal point and no exponent (empty when unknown). Every
 * text goes through {@link CsvWriter#cell}, which neutralises formula
 * injection: a place name is whatever an applicant typed.
 */
final class OpenDataCsv {

    /** The standard's columns, in its order. */
    static final List<String> COLUMNS = OpenDataStandard.COLUMNS;

    static final String SOURCE = "#APTIC";
    static final String LABEL = "APTIC";

    private OpenDataCsv() {}

    static byte[] write(List<QualifiedPlace> places) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = CsvWriter.open(bytes, CsvWriter.LineEnding.CRLF)) {
            csv.row(COLUMNS);
            for (QualifiedPlace place : places) {
                csv.cell(place.id())
                        .cell(place.siret())
                        .cell(place.name())
                        .cell(place.commune())
                        .cell(place.postalCode())
                        .cell(place.inseeCode())
                        .cell(place.address())
                        .empty() // complement_adresse
                        .number(decimal(place.latitude())) // a plain number: "-1.55" is no formula
                        .number(decimal(place.longitude()))
                        .empty() // typologie
                        .empty() // telephone: the contact is a person, not the place
                        .empty() // courriels
                        .empty() // site_web
                        .cell(place.openingHours())
                        .empty() // presentation_resume
                        .empty() // presentation_detail
                        .cell(SOURCE)
                        .cell("ITINERANT".equals(place.kind()) ? "Itinérant" : "Fixe")
                        .cell(place.organisation())
                        .cell(place.updatedOn().toString())
                        .cell(String.join("|", place.services()))
                        .empty() // publics_specifiquement_adresses
                        .empty() // prise_en_charge_specifique
                        // With a pass and regulated prices the beneficiary pays nothing; otherwise they may.
                        .cell(place.regulatedPrice() ? "Gratuit sous condition" : "Payant")
                        .empty() // dispositif_programmes_nationaux
                        .empty() // formations_labels
                        .cell(LABEL)
                        .empty() // modalites_acces
                        .empty() // modalites_accompagnement
                        .empty() // fiche_acces_libre
                        .empty() // prise_rdv
                        .endRow();
            }
        }
        return bytes.toByteArray();
    }

    /** A coordinate as the standard writes it: a decimal point, no exponent; null when unknown. */
    private static BigDecimal decimal(Double value) {
        // -0.00005 is "-5.0E-5" to Double.toString: "-0.000050" without the zero the exponent's form added
        return value == null ? null : BigDecimal.valueOf(value).stripTrailingZeros();
    }
}
