package fr.aptic.qualification.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {

    @Test
    void quotesOnlyTheValuesThatNeedIt() {
        String csv = write(w -> w.row("siret", "name", "address")
                .row("73282932000074", "Le \"Cyber\" espace", "1 rue de la Paix, bât. A")
                .row("2", "Ligne 1\nLigne 2", " espace autour ")
                .row("3", "Médiathèque", ""));

        assertThat(csv)
                .isEqualTo("siret,name,address\n"
                        + "73282932000074,\"Le \"\"Cyber\"\" espace\",\"1 rue de la Paix, bât. A\"\n"
                        + "2,\"Ligne 1\nLigne 2\",\" espace autour \"\n"
                        + "3,Médiathèque,\n");
    }

    @Test
    void endsRowsWithCrlfWhenAsked() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter writer = CsvWriter.open(out, CsvWriter.LineEnding.CRLF)) {
            writer.row("a", "b").row("c", "d");
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a,b\r\nc,d\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "+33 1 23 45 67 89", "-2+3", "@SUM(A1)", "\tx", "\r=1"})
    void neutralisesCellsASpreadsheetWouldRunAsFormulas(String value) {
        String csv = write(w -> w.row("v").cell(value).endRow());

        assertThat(read(csv).get(0)).isEqualTo("'" + value);
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(write(w -> w.row("Lyon", "1800", "a=b", " =x"))).isEqualTo("Lyon,1800,a=b,\" =x\"\n");
    }

    @Test
    void writesTypedNumbersAsTheyAre() {
        String csv = write(w -> w.number(-3)
                .number(new BigDecimal("-12.50"))
                .number(48.8566)
                .number(0.00001)
                .bool(true)
                .empty()
                .endRow());

        assertThat(csv).isEqualTo("-3,-12.50,48.8566,0.000010,true,\n");
        assertThatThrownBy(() -> write(w -> w.number(Double.NaN))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesOneEmptyValueAsTwoQuotesRatherThanABareLineEnd() {
        // CsvReader skips such a line as blank (it cannot tell "" from white space); other tools read one empty value.
        assertThat(write(w -> w.row("v").row("").row("x"))).isEqualTo("v\n\"\"\nx\n");
    }

    @Test
    void writesWhatTheReaderReadsBack() {
        List<String> values = List.of("Lieu, annexe", "Le \"Cyber\"", "deux\r\nlignes", "  espaces  ", "Orléans", "");
        String csv = write(w -> {
            w.row("v", "w");
            values.forEach(value -> w.row(value, "-"));
        });

        assertThat(read(csv)).isEqualTo(values);
    }

    @Test
    void writesUtf8WithoutBom() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter writer = CsvWriter.open(out)) {
            writer.row("é");
        }
        assertThat(out.toByteArray()).containsExactly(0xC3, 0xA9, '\n');
    }

    private static String write(Consumer<CsvWriter> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter writer = CsvWriter.open(out)) {
            rows.accept(writer);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The first column of every record, read back with {@link CsvReader}. */
    private static List<String> read(String csv) {
        try (CsvReader reader = CsvReader.open(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                CsvSchema.allRequired("v").allowingUnknownColumns())) {
            return reader.stream().map(r -> r.values().get(0)).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
