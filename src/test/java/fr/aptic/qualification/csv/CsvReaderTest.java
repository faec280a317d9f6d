package fr.aptic.qualification.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    static final List<String> NETWORK_COLUMNS = List.of(
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
            "bic");
    static final CsvSchema NETWORK = CsvSchema.allRequired(NETWORK_COLUMNS);
    static final CsvSchema THREE = CsvSchema.allRequired("siret", "name", "commune");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Nested
    class Encodings {

        @Test
        void readsUtf8() throws IOException {
            try (CsvReader reader = CsvReader.open(fixture("network-utf8.csv"), NETWORK)) {
                List<CsvRecord> records = all(reader);

                assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_8);
                assertThat(reader.separator()).isEqualTo(',');
                assertThat(reader.header()).isEqualTo(NETWORK_COLUMNS);
                assertThat(records).hasSize(5).noneMatch(CsvRecord::hasProblem);
                assertThat(records).extracting(CsvRecord::row).containsExactly(2L, 3L, 4L, 5L, 6L);
                assertThat(records.get(0).get("name")).isEqualTo("Espace numérique 1");
                assertThat(records.get(0).get("services")).contains("numérique");
            }
        }

        @Test
        void stripsTheUtf8ByteOrderMark() throws IOException {
            try (CsvReader reader = CsvReader.open(fixture("network-utf8-bom.csv"), NETWORK)) {
                List<CsvRecord> records = all(reader);

                assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_8);
                assertThat(reader.header().get(0)).isEqualTo("siret");
                assertThat(records).hasSize(3).noneMatch(CsvRecord::hasProblem);
                assertThat(records.get(0).get("siret")).hasSize(14);
            }
        }

        @Test
        void readsWindows1252WithSemicolons() throws IOException {
            try (CsvReader reader = CsvReader.open(fixture("network-cp1252-semicolon.csv"), NETWORK)) {
                List<CsvRecord> records = all(reader);

                assertThat(reader.charset()).isEqualTo(WINDOWS_1252);
                assertThat(reader.separator()).isEqualTo(';');
                assertThat(records).hasSize(5).noneMatch(CsvRecord::hasProblem);
                assertThat(records.get(0).get("name")).isEqualTo("Espace numérique 1");
            }
        }

        @Test
        void readsTheEAcuteOfWindows1252() throws IOException {
            byte[] input =
                    concat(ascii("siret,name,commune\n1,Caf"), new byte[] {(byte) 0xE9}, ascii(",Orl"), new byte[] {
                        (byte) 0xE9, 'a', 'n', 's', '\n'
                    });

            try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(input), THREE)) {
                CsvRecord record = single(reader);

                assertThat(reader.charset()).isEqualTo(WINDOWS_1252);
                assertThat(record.get("name")).isEqualTo("Café");
                assertThat(record.get("commune")).isEqualTo("Orléans");
            }
        }

        @Test
        void recognisesWindows1252WhoseFirstAccentComesAfterTheFirst64KiB() throws IOException {
            StringBuilder ascii = new StringBuilder("siret,name,commune\n");
            int rows = 0;
            while (ascii.length() < 100_000) {
                ascii.append(++rows).append(",Espace numerique,Lyon\n");
            }
            byte[] input = concat(ascii(ascii.toString()), ascii("0,Caf"), new byte[] {(byte) 0xE9, ',', 'L', '\n'});

            try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(input), THREE)) {
                List<CsvRecord> records = all(reader);

                assertThat(records).hasSize(rows + 1).noneMatch(CsvRecord::hasProblem);
                assertThat(records.get(rows).get("name")).isEqualTo("Café");
                assertThat(reader.charset()).isEqualTo(WINDOWS_1252);
            }
        }

        @Test
        void flagsOnlyTheRowThatIsNotUtf8InAUtf8File() throws IOException {
            // The stray Windows-1252 byte lies beyond the 64 KiB that decided the charset.
            StringBuilder utf8Rows = new StringBuilder("siret,name,commune\n");
            int rows = 0;
            while (utf8Rows.length() < 70_000) {
                utf8Rows.append(++rows).append(",Médiathèque,Orléans\n");
            }
            byte[] input = concat(
                    utf8(utf8Rows.toString()), ascii("0,Caf"), new byte[] {(byte) 0xE9}, ascii(",Lyon\n0,Lieu,Lyon\n"));

            try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(input), THREE)) {
                List<CsvRecord> records = all(reader);

                assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_8);
                assertThat(records).hasSize(rows + 2);
                assertThat(records.subList(0, rows)).noneMatch(CsvRecord::hasProblem);
                assertThat(records.get(rows).problem())
                        .contains(new CsvProblem(rows + 2, "name", "cannot be read as UTF-8"));
                assertThat(records.get(rows + 1).problem()).isEmpty();
                assertThat(reader.stoppedEarly()).isFalse();
            }
        }

        @Test
        void allowsAMultibyteCharacterCutByTheEndOfTheSniffWindow() throws IOException {
            // 15-byte rows ("é" + 12 "x" + ","... ) put an "é" across the 64 KiB boundary counted from the first one.
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(utf8("name\n"));
            int firstAccent = bytes.size();
            for (int i = 0; i < 6000; i++) {
                bytes.writeBytes(utf8("é" + "x".repeat(12) + "\n"));
            }
            byte[] input = bytes.toByteArray();
            assertThat(input[firstAccent + CsvInput.WINDOW_BYTES - 1]).isEqualTo((byte) 0xC3);

            try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(input), CsvSchema.allRequired("name"))) {
                List<CsvRecord> records = all(reader);

                assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_8);
                assertThat(records).hasSize(6000).noneMatch(CsvRecord::hasProblem);
            }
        }

        @Test
        void reportsUtf8ForAnAsciiInput() throws IOException {
            try (CsvReader reader = read("siret,name,commune\n1,Lieu,Lyon\n", THREE)) {
                assertThat(single(reader).get("commune")).isEqualTo("Lyon");
                assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_8);
            }
        }
    }

    @Nested
    class Quoting {

        @Test
        void keepsSeparatorsLineEndsAndDoubledQuotesInsideQuotes() throws IOException {
            String csv = "siret,name,commune\r\n"
                    + "1,\"Lieu, annexe\",Lyon\r\n"
                    + "2,\"Ligne 1\r\nLigne 2\nLigne 3\",Lyon\r\n"
                    + "3,\"Le \"\"Cyber\"\" espace\",\"\"\r\n";

            try (CsvReader reader = read(csv, THREE)) {
                List<CsvRecord> records = all(reader);

                assertThat(records).noneMatch(CsvRecord::hasProblem);
                assertThat(records)
                        .extracting(r -> r.get("name"))
                        .containsExactly("Lieu, annexe", "Ligne 1\r\nLigne 2\nLigne 3", "Le \"Cyber\" espace");
                assertThat(records.get(2).get("commune")).isEmpty();
            }
        }

        @Test
        void numbersRowsByRecordNotByLine() throws IOException {
            String csv = "siret,name,commune\n"
                    + "1,\"on\nthree\nlines\",Lyon\n"
                    + "2,Lieu,Lyon\n"
                    + "\n"
                    + "3,Lieu,Lyon\n"
                    + "4,\"two\nlines\",Lyon\n"
                    + "5,Lieu,Lyon\n";

            try (CsvReader reader = read(csv, THREE)) {
                List<CsvRecord> records = all(reader);

                // The blank line is row 4: skipped, but counted as a spreadsheet counts it.
                assertThat(records).extracting(r -> r.get("siret")).containsExactly("1", "2", "3", "4", "5");
                assertThat(records).extracting(CsvRecord::row).containsExactly(2L, 3L, 5L, 6L, 7L);
                assertThat(reader.recordsRead()).isEqualTo(5);
            }
        }

        @Test
        void readsSemicolonSeparatedValuesHoldingCommas() throws IOException {
            try (CsvReader reader = read("siret;name;commune\n1;Lieu, annexe;\"Lyon; 3e\"\n", THREE)) {
                CsvRecord record = single(reader);

                assertThat(reader.separator()).isEqualTo(';');
                assertThat(record.get("name")).isEqualTo("Lieu, annexe");
                assertThat(record.get("commune")).isEqualTo("Lyon; 3e");
            }
        }

        @Test
        void detectsTheSeparatorOutsideQuotesOnly() throws IOException {
            CsvSchema schema = CsvSchema.allRequired("a;b", "c");
            try (CsvReader reader = read("\"a;b\",c\n1;2,3\n", schema)) {
                CsvRecord record = single(reader);

                assertThat(reader.separator()).isEqualTo(',');
                assertThat(record.get("a;b")).isEqualTo("1;2");
            }
        }

        @Test
        void trimsUnquotedValuesButKeepsQuotedOnesAsWritten() throws IOException {
            try (CsvReader reader = read(" siret , name ,commune\n  1 ,  \"  Lieu  \"  ,\tLyon 3e\t\n", THREE)) {
                CsvRecord record = single(reader);

                assertThat(record.problem()).isEmpty();
                assertThat(record.values()).containsExactly("1", "  Lieu  ", "Lyon 3e");
            }
        }

        @Test
        void keepsAQuoteInsideAnUnquotedValue() throws IOException {
            try (CsvReader reader = read("siret,name,commune\n1,Le 7\" Lieu,Lyon\n", THREE)) {
                assertThat(single(reader).get("name")).isEqualTo("Le 7\" Lieu");
            }
        }

        @Test
        void stopsAtCharactersAfterAClosingQuote() throws IOException {
            // "Lieu" annexe: a quote inside a value that was not doubled; what follows cannot be trusted.
            try (CsvReader reader = read("siret,name,commune\n1,a,b\n\n2,\"Lieu\" annexe,Lyon\n3,Lieu,Lyon\n", THREE)) {
                List<CsvRecord> records = all(reader);

                assertThat(records).hasSize(2);
                assertThat(records.get(1).problem())
                        .contains(new CsvProblem(
                                4,
                                null,
                                "characters after a closing quote (a quote inside a quoted value is written twice:"
                                        + " \"\"); reading stopped here"));
                assertThat(reader.stoppedEarly()).isTrue();
            }
        }

        @Test
        void readsALastLineWithoutLineEndAndIgnoresTheFinalLineEnd() throws IOException {
            try (CsvReader reader = read("siret,name,commune\n1,a,b\n2,c,d", THREE)) {
                assertThat(all(reader)).extracting(CsvRecord::row).containsExactly(2L, 3L);
            }
            try (CsvReader reader = read("siret,name,commune\r\n1,a,b\r\n\r\n", THREE)) {
                assertThat(all(reader)).extracting(CsvRecord::row).containsExactly(2L);
            }
        }

        @Test
        void acceptsOldMacLineEnds() throws IOException {
            try (CsvReader reader = read("siret,name,commune\r1,a,b\r2,c,d\r", THREE)) {
                assertThat(all(reader)).extracting(r -> r.get("siret")).containsExactly("1", "2");
            }
        }

        @Test
        void readsARowOfEmptyValues() throws IOException {
            try (CsvReader reader = read("siret,name,commune\n,,\n", THREE)) {
                CsvRecord record = single(reader);

                assertThat(record.problem()).isEmpty();
                assertThat(record.values()).containsExactly("", "", "");
            }
        }
    }

    @Nested
    class RowProblems {

        @Test
        void flagsRowsWithTooFewOrTooManyFieldsAndReadsOn() throws IOException {
            String csv = "siret,name,commune\n1,a\n2,a,b,c\n3,a,b\n";

            try (CsvReader reader = read(csv, THREE)) {
                List<CsvRecord> records = all(reader);

                assertThat(records)
                        .extracting(r -> r.problem().map(CsvProblem::message))
                        .containsExactly(
                                Optional.of("expected 3 fields, found 2"),
                                Optional.of("expected 3 fields, found 4"),
                                Optional.empty());
                assertThat(records.get(0).problem().orElseThrow().row()).isEqualTo(2);
                assertThat(records.get(0).problem().orElseThrow().field()).isNull();
            }
        }

        @Test
        void stopsAtAQuoteNeverClosedAndNamesTheRowItOpenedOn() throws IOException {
            String csv = "siret,name,commune\n1,a,b\n2,\"a,b\n3,c,d\n4,e,f\n";

            try (CsvReader reader = read(csv, THREE)) {
                List<CsvRecord> records = all(reader);

                assertThat(records).hasSize(2);
                assertThat(records.get(1).problem())
                        .contains(new CsvProblem(
                                3, null, "the quote opened on this row is never closed; reading stopped here"));
                assertThat(reader.stoppedEarly()).isTrue();
            }
        }

        @Test
        void stopsAtARecordLargerThanTheCap() throws IOException {
            String csv = "siret,name,commune\n1,a,b\n2," + "x".repeat(200) + ",b\n3,a,b\n";

            try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(utf8(csv)), THREE, 100)) {
                List<CsvRecord> records = all(reader);

                assertThat(records).hasSize(2);
                assertThat(records.get(1).problem())
                        .contains(new CsvProblem(
                                3,
                                null,
                                "the row is larger than 100 characters (is a quote left open?); reading stopped here"));
                assertThat(reader.stoppedEarly()).isTrue();
            }
        }

        @Test
        void stopsAtTheDefault64KiBCapWhenAQuoteIsLeftOpen() throws IOException {
            // Without the cap, the open quote would swallow the rest of the file into one value.
            StringBuilder csv = new StringBuilder("siret,name,commune\n1,\"unclosed,b\n");
            for (int i = 0; i < 10_000; i++) {
                csv.append(i).append(",Lieu,Lyon\n");
            }

            try (CsvReader reader = read(csv.toString(), THREE)) {
                CsvRecord record = single(reader);

                assertThat(record.row()).isEqualTo(2);
                assertThat(record.problem().orElseThrow().message())
                        .isEqualTo(
                                "the row is larger than 65536 characters (is a quote left open?); reading stopped here");
                assertThat(reader.stoppedEarly()).isTrue();
            }
        }
    }

    @Nested
    class Header {

        @Test
        void reportsEveryColumnProblemAtOnce() {
            String csv = "siret,Name,name,extra,,postal\n";
            CsvSchema schema = CsvSchema.of(List.of("siret", "name", "commune", "postal"), List.of("siret", "commune"));

            assertThatThrownBy(() -> read(csv, schema))
                    .isInstanceOfSatisfying(
                            CsvHeaderException.class,
                            e -> assertThat(e.problems())
                                    .containsExactly(
                                            new CsvProblem(1, "name", "column 'name' appears more than once"),
                                            new CsvProblem(1, "extra", "unknown column 'extra'"),
                                            new CsvProblem(1, null, "column 5 has no name"),
                                            new CsvProblem(1, "commune", "missing required column 'commune'")));
        }

        @Test
        void refusesAnEmptyInput() {
            assertThatThrownBy(() -> read("", THREE))
                    .isInstanceOfSatisfying(
                            CsvHeaderException.class,
                            e -> assertThat(e.problems())
                                    .containsExactly(new CsvProblem(
                                            1,
                                            null,
                                            "the input is empty: a header row naming the columns is required")));
            assertThatThrownBy(() -> read("\nsiret,name,commune\n", THREE))
                    .hasMessage("the first line is empty: it must be the header row naming the columns");
        }

        @Test
        void matchesColumnNamesIgnoringCaseAndSurroundingSpaces() throws IOException {
            try (CsvReader reader = read(" SIRET ;Name; commune\n1;a;b\n", THREE)) {
                CsvRecord record = single(reader);

                assertThat(record.get("siret")).isEqualTo("1");
                assertThat(record.get("name")).isEqualTo("a");
                assertThat(record.get("NAME")).isEqualTo("a");
            }
        }

        @Test
        void givesAnEmptyValueForAnOptionalColumnTheHeaderLacks() throws IOException {
            CsvSchema schema = CsvSchema.of(List.of("siret", "name", "inseeCode"), List.of("siret", "name"));
            try (CsvReader reader = read("siret,name\n1,a\n", schema)) {
                CsvRecord record = single(reader);

                assertThat(record.get("inseeCode")).isEmpty();
                assertThatThrownBy(() -> record.get("nowhere")).isInstanceOf(IllegalArgumentException.class);
            }
        }

        @Test
        void ignoresUnknownColumnsWhenTheSchemaAllowsThem() throws IOException {
            CsvSchema schema = THREE.allowingUnknownColumns();
            try (CsvReader reader = read("siret,name,source,commune,\n1,a,x,b,\n", schema)) {
                CsvRecord record = single(reader);

                assertThat(record.problem()).isEmpty();
                assertThat(record.get("commune")).isEqualTo("b");
                assertThat(record.get("source")).isEqualTo("x");
            }
        }

        @Test
        void readsASingleColumnInput() throws IOException {
            try (CsvReader reader = read("siret\n1\n\n2\n", CsvSchema.allRequired("siret"))) {
                assertThat(all(reader)).extracting(CsvRecord::row).containsExactly(2L, 4L);
                assertThat(reader.separator()).isEqualTo(',');
            }
        }
    }

    @Nested
    class Streaming {

        @Test
        void streamsAHundredThousandRowsWithoutHoldingThem() throws IOException {
            GeneratedCsv input = new GeneratedCsv(100_000);
            long count = 0;
            long lastRow = 0;
            try (CsvReader reader = CsvReader.open(input, NETWORK)) {
                for (CsvRecord record : reader) {
                    assertThat(record.problem()).isEmpty();
                    count++;
                    lastRow = record.row();
                }
                assertThat(reader.recordsRead()).isEqualTo(100_000);
                assertThat(reader.bytesRead()).isEqualTo(input.bytesServed());
            }
            assertThat(count).isEqualTo(100_000);
            assertThat(lastRow).isEqualTo(100_001);
        }

        @Test
        void canBeIteratedOnceOnly() throws IOException {
            try (CsvReader reader = read("siret,name,commune\n1,a,b\n", THREE)) {
                assertThat(reader.stream().count()).isEqualTo(1);
                assertThatThrownBy(reader::iterator).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    /** Serves a network batch CSV of any length row by row, never holding more than one row. */
    static final class GeneratedCsv extends InputStream {
        private final int rows;
        private int produced = -1;
        private byte[] current = new byte[0];
        private int offset;
        private long served;

        GeneratedCsv(int rows) {
            this.rows = rows;
        }

        long bytesServed() {
            return served;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int off, int len) {
            if (offset == current.length && !advance()) {
                return -1;
            }
            int n = Math.min(len, current.length - offset);
            System.arraycopy(current, offset, target, off, n);
            offset += n;
            served += n;
            return n;
        }

        private boolean advance() {
            if (produced == rows) {
                return false;
            }
            String line = produced < 0 ? String.join(",", NETWORK_COLUMNS) : row(produced + 1);
            produced++;
            current = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
            offset = 0;
            return true;
        }

        private static String row(int i) {
            return String.format(
                    "%014d,Espace numérique %d,ASSOCIATION,Contact %d,contact%d@example.org,Lieu %d,"
                            + "\"%d rue de la Paix, bât. A\",69001,69381,Lyon,OWN_PLACE,,"
                            + "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien,"
                            + "2,30,true,1800,true,true,FR7630006000011234567890189,AGRIFRPP",
                    i, i, i, i, i, i % 200);
        }
    }

    static CsvReader read(String csv, CsvSchema schema) throws IOException {
        return CsvReader.open(new ByteArrayInputStream(utf8(csv)), schema);
    }

    static InputStream fixture(String name) {
        InputStream in = CsvReaderTest.class.getResourceAsStream("/csv/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    static List<CsvRecord> all(CsvReader reader) {
        List<CsvRecord> records = new ArrayList<>();
        reader.forEach(records::add);
        return records;
    }

    static CsvRecord single(CsvReader reader) {
        List<CsvRecord> records = all(reader);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
