package fr.aptic.qualification.reference;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.csv.CsvReader;
import fr.aptic.qualification.csv.CsvRecord;
import fr.aptic.qualification.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference checks against rows of the shared generator, whose spoiled rows are known (see csv/README.md). */
class GeneratedBatchChecksTest {

    /** Only the columns holding reference values; the batch's other columns are not this package's. */
    private static final List<String> CHECKED =
            List.of("siret", "postalCode", "inseeCode", "contactEmail", "services", "iban", "bic");

    private static final CsvSchema NETWORK = CsvSchema.of(CHECKED, CHECKED).allowingUnknownColumns();

    private final Territories territories = Territories.defaults();

    @Test
    void acceptsEveryValueOfTheGeneratorsValidRows() throws IOException {
        for (CsvRecord row : rows("network-utf8.csv")) {
            assertThat(problemsOf(row)).as("row %d", row.row()).isEmpty();
        }
        for (CsvRecord row : rows("network-cp1252-semicolon.csv")) {
            assertThat(problemsOf(row)).as("row %d", row.row()).isEmpty();
        }
    }

    @Test
    void catchesEachValueTheGeneratorSpoiled() throws IOException {
        List<String> problems = new ArrayList<>();
        for (CsvRecord row : rows("network-with-bad-rows.csv")) {
            problems.addAll(problemsOf(row));
        }

        // The fifth spoiled row, place kind CASTLE, is not a reference check.
        assertThat(problems).containsExactlyInAnyOrder("siret", "postalCode", "contactEmail", "services");
    }

    private List<String> problemsOf(CsvRecord row) {
        List<String> fields = new ArrayList<>();
        if (!Siret.isValid(row.get("siret"))) {
            fields.add("siret");
        }
        if (territories.departementOfPostalCode(row.get("postalCode")).isEmpty()) {
            fields.add("postalCode");
        }
        if (!territories
                        .departementOfInseeCode(row.get("inseeCode"))
                        .equals(territories.departementOfPostalCode(row.get("postalCode")))
                && !fields.contains("postalCode")) {
            fields.add("inseeCode");
        }
        if (!Email.isValid(row.get("contactEmail"))) {
            fields.add("contactEmail");
        }
        if (!Arrays.stream(row.get("services").split("\\|")).allMatch(NationalServices::isService)) {
            fields.add("services");
        }
        if (!Iban.isValid(row.get("iban"))) {
            fields.add("iban");
        }
        if (!Bic.isValid(row.get("bic"))) {
            fields.add("bic");
        }
        return fields;
    }

    private static List<CsvRecord> rows(String fixture) throws IOException {
        InputStream in = GeneratedBatchChecksTest.class.getResourceAsStream("/csv/" + fixture);
        try (CsvReader reader = CsvReader.open(in, NETWORK)) {
            List<CsvRecord> rows = reader.stream().toList();
            assertThat(rows).noneMatch(CsvRecord::hasProblem);
            return rows;
        }
    }
}
