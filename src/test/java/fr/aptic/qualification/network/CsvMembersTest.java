package fr.aptic.qualification.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.aptic.qualification.application.ApplicationValidator;
import fr.aptic.qualification.support.NetworkCsv;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A network's CSV as partners export it from spreadsheets, read row by row into applications or row errors. */
class CsvMembersTest {

    static final String HEADER = String.join(",", NetworkCsv.COLUMNS);
    private final ApplicationValidator validator = new ApplicationValidator();

    @Test
    void readsUtf8WithoutBom() throws IOException {
        List<MemberRow> rows = read(resource("network-utf8.csv"));
        assertThat(rows).hasSize(5).allMatch(MemberRow::isValid);
        assertThat(rows.get(0).row()).isEqualTo(2);
        assertThat(rows.get(0).request().organisation().name()).isEqualTo("Espace numérique 1");
        assertThat(rows.get(0).request().places().get(0).services())
                .contains("Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien");
    }

    @Test
    void readsUtf8WithBom() throws IOException {
        List<MemberRow> rows = read(resource("network-utf8-bom.csv"));
        assertThat(rows).hasSize(3).allMatch(MemberRow::isValid);
        assertThat(rows.get(0).request().siret()).isEqualTo("79217421180965");
    }

    @Test
    void readsWindows1252WithSemicolons() throws IOException {
        List<MemberRow> rows = read(resource("network-cp1252-semicolon.csv"));
        assertThat(rows).hasSize(5).allMatch(MemberRow::isValid);
        assertThat(rows.get(0).request().organisation().name()).isEqualTo("Espace numérique 1");
        assertThat(rows.get(0).request().places().get(0).services()).contains("Compréhension du monde numérique");
    }

    @Test
    void keepsSeparatorsAndLineBreaksInsideQuotedValues() throws IOException {
        String csv = HEADER + "\r\n" + row("\"Espace \"\"Le Lien\"\", numérique\"", "\"12 rue de la Paix\nBâtiment B\"")
                + "\r\n";
        List<MemberRow> rows = read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(1);
        MemberRow member = rows.get(0);
        assertThat(member.errors()).isEmpty();
        assertThat(member.request().places().get(0).name()).isEqualTo("Espace \"Le Lien\", numérique");
        assertThat(member.request().places().get(0).address()).isEqualTo("12 rue de la Paix, Bâtiment B");
        // a record on two lines is one row: the next record's row number follows the spreadsheet's
        String twoRows = HEADER + "\n" + row("Lieu A", "\"1 rue\nde la Paix\"") + "\n" + row("Lieu B", "2 rue") + "\n";
        assertThat(read(twoRows.getBytes(StandardCharsets.UTF_8)))
                .extracting(MemberRow::row)
                .containsExactly(2, 3);
    }

    @Test
    void namesTheCsvColumnAndRowOfEachError() throws IOException {
        List<MemberRow> rows = read(resource("network-with-bad-rows.csv"));
        assertThat(rows).hasSize(6);
        assertThat(errorsOf(rows, 2)).extracting(FieldError::field).containsExactly("postalCode");
        assertThat(errorsOf(rows, 4)).extracting(FieldError::field).containsExactly("contactEmail");
        assertThat(errorsOf(rows, 5)).extracting(FieldError::field).containsExactly("placeKind");
        assertThat(errorsOf(rows, 7)).extracting(FieldError::field).containsExactly("services");
        assertThat(rows.stream().filter(MemberRow::isValid).count()).isEqualTo(1);
        assertThat(rows.stream().flatMap(r -> r.errors().stream()))
                .extracting(FieldError::field)
                .contains("siret")
                .allSatisfy(field -> assertThat(NetworkCsv.COLUMNS).contains(field));
        assertThat(rows.stream().flatMap(r -> r.errors().stream()))
                .allSatisfy(error -> assertThat(error.row()).isBetween(2, 7));
    }

    @Test
    void acceptsFrenchAndNumericBooleansAndRefusesOthers() throws IOException {
        String csv = HEADER + "\n"
                + row("Lieu A", "1 rue").replace(",true,2000,true,true,", ",oui,2000,1,OUI,") + "\n"
                + row("Lieu B", "2 rue").replace(",true,2000,true,true,", ",peut-être,2000,non,0,") + "\n";
        List<MemberRow> rows = read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows.get(0).errors()).isEmpty();
        assertThat(rows.get(0).request().quality().accessible()).isTrue();
        assertThat(rows.get(1).errors()).extracting(FieldError::field).containsExactly("accessible");
        assertThat(rows.get(1).errors().get(0).message()).contains("oui/non");
    }

    @Test
    void reportsNumbersThatAreNotNumbersOnceOnTheirColumn() throws IOException {
        String csv = HEADER + "\n" + row("Lieu A", "1 rue").replace(",3,30,", ",trois,30,") + "\n";
        List<MemberRow> rows = read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows.get(0).errors())
                .singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("trainedMediators"));
    }

    @Test
    void readsTheOptionalPinWithADecimalPointOrAFrenchComma() throws IOException {
        String csv = HEADER + ",latitude,longitude\n" + row("Lieu A", "1 rue") + ",45.7640,4.8357\n"
                + row("Lieu B", "2 rue") + ",\"45,7578\",\"4,8320\"\n"
                + row("Lieu C", "3 rue") + ",,\n";
        List<MemberRow> rows = read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).allSatisfy(member -> assertThat(member.errors()).isEmpty());
        assertThat(rows.get(0).request().places().get(0))
                .satisfies(place -> assertThat(place.latitude()).isEqualTo(45.764))
                .satisfies(place -> assertThat(place.longitude()).isEqualTo(4.8357));
        assertThat(rows.get(1).request().places().get(0).latitude()).isEqualTo(45.7578);
        assertThat(rows.get(1).request().places().get(0).longitude()).isEqualTo(4.832);
        assertThat(rows.get(2).request().places().get(0).pinned()).isFalse();
    }

    @Test
    void reportsABadPinOnItsColumn() throws IOException {
        String csv = HEADER + ",latitude,longitude\n"
                + row("Lieu A", "1 rue") + ",quarante-cinq,4.8357\n"
                + row("Lieu B", "2 rue") + ",45.764,\n"
                + row("Lieu C", "3 rue") + ",4.8357,45.764\n"
                + row("Lieu D", "4 rue") + ",1e1,4.8\n"
                + row("Lieu E", "5 rue") + ",95,4.8\n";
        List<MemberRow> rows = read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(errorsOf(rows, 2))
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("latitude"))
                .satisfies(e -> assertThat(e.message()).contains("nombre décimal attendu", "quarante-cinq"));
        assertThat(errorsOf(rows, 3))
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("longitude"))
                .satisfies(e -> assertThat(e.message()).contains("obligatoire quand la latitude est donnée"));
        assertThat(errorsOf(rows, 4))
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("latitude"))
                .satisfies(e -> assertThat(e.message()).contains("inversées"));
        assertThat(errorsOf(rows, 5))
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("latitude"));
        assertThat(errorsOf(rows, 6))
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("latitude"))
                .satisfies(e -> assertThat(e.message()).contains("entre -90 et 90"));
    }

    @Test
    void leavesBankDetailsToTheContractStepWhenIbanAndBicAreEmpty() throws IOException {
        String csv = HEADER + "\n" + row("Lieu A", "1 rue").replaceAll(",FR[0-9]+,AGRIFRPP$", ",,") + "\n";
        MemberRow member = read(csv.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(member.errors()).isEmpty();
        assertThat(member.request().bank()).isNull();
    }

    @Test
    void refusesHeaderWithMissingOrUnknownColumnsNamingThem() {
        String header = HEADER.replace("postalCode", "postcode");
        assertThatThrownBy(() -> read((header + "\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(problem.errors())
                            .extracting(FieldError::field)
                            .containsExactlyInAnyOrder("postcode", "postalCode");
                    assertThat(problem.errors())
                            .allSatisfy(e -> assertThat(e.row()).isEqualTo(1));
                });
    }

    @Test
    void acceptsFilesWithoutTheOptionalColumns() throws IOException {
        String header = HEADER.replace(",inseeCode", "").replace(",conventionReference", "");
        String line = "12345678901234,Espace,ASSOCIATION,Camille,c@exemple.org,Lieu,1 rue,69001,Lyon,OWN_PLACE,"
                + "Aide aux démarches administratives,2,30,true,2000,true,true,,";
        List<MemberRow> rows = read((header + "\n" + line + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(rows.get(0).errors()).extracting(FieldError::field).containsExactly("siret");
    }

    @Test
    void refusesTheWholeFileWhenAQuoteIsNeverClosed() {
        String csv = HEADER + "\n" + row("Lieu A", "1 rue") + "\n" + row("\"Lieu B", "2 rue") + "\n"
                + row("Lieu C", "3 rue") + "\n";
        assertThatThrownBy(() -> read(csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(problem.errors())
                            .singleElement()
                            .satisfies(e -> assertThat(e.row()).isEqualTo(3));
                });
    }

    @Test
    void reportsRaggedRowsAndGoesOn() throws IOException {
        String csv = HEADER + "\n" + "12345678901234,trop court\n" + row("Lieu B", "2 rue") + "\n";
        List<MemberRow> rows = read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).isValid()).isFalse();
        assertThat(rows.get(0).errors().get(0).row()).isEqualTo(2);
        assertThat(rows.get(1).isValid()).isTrue();
    }

    /** A valid row (SIRET 73282932000074) with the given place name and address, cells already quoted if need be. */
    static String row(String placeName, String address) {
        return "73282932000074,Espace numérique,ASSOCIATION,Camille Martin,camille@exemple.org," + placeName + ","
                + address + ",69001,69381,Lyon,OWN_PLACE,,Aide aux démarches administratives,3,30,true,2000,true,true,"
                + "FR7630006000011234567890189,AGRIFRPP";
    }

    private List<MemberRow> read(byte[] csv) throws IOException {
        return read(new ByteArrayInputStream(csv));
    }

    private List<MemberRow> read(InputStream in) throws IOException {
        List<MemberRow> rows = new ArrayList<>();
        try (CsvMembers members = CsvMembers.open(in, validator)) {
            for (MemberRow row = members.next(); row != null; row = members.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<FieldError> errorsOf(List<MemberRow> rows, int row) {
        return rows.stream()
                .filter(r -> r.row() == row)
                .findFirst()
                .orElseThrow()
                .errors();
    }

    static InputStream resource(String name) {
        return CsvMembersTest.class.getResourceAsStream("/csv/" + name);
    }

    static Charset windows1252() {
        return Charset.forName("windows-1252");
    }
}
