package fr.aptic.qualification.network;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.NetworkCsv;
import fr.aptic.qualification.support.NetworkXlsx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * A batch as an Excel workbook, over the API: the same members, checks and row numbers as the same rows in CSV;
 * what is not a workbook, an old .xls and a "zip bomb" are refused whole with 400 naming the file, nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class XlsxBatchHttpTest extends NetworkTestSupport {

    static final MediaType XLSX = MediaType.parseMediaType(BatchController.XLSX);

    @Test
    void aWorkbookGivesTheSameMembersAndRowErrorsAsTheSameRowsInCsv() {
        byte[] csv = NetworkCsv.members(40).bad(6).seed(19).bytes();
        String network = newNetwork(false);
        ResponseEntity<Map<String, Object>> xlsx = post(partner(network), network, NetworkXlsx.from(csv), XLSX);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Object> answer = xlsx.getBody();
        assertThat(answer)
                .containsEntry("received", 40)
                .containsEntry("accepted", 34)
                .containsEntry("rejected", 6);
        // each error names the row where the spreadsheet shows the spoiled value (the header is row 1)
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
        assertThat(errors(answer)).hasSize(6).allSatisfy(error -> {
            String line = lines.get((Integer) error.get("row") - 1);
            String field = (String) error.get("field");
            String value = line.split(",", -1)[NetworkCsv.COLUMNS.indexOf(field)];
            assertThat(value)
                    .as("row %s, %s", error.get("row"), field)
                    .satisfiesAnyOf(
                            v -> assertThat(v).isIn("Cours de cuisine", "ABCDE", "not-an-email", "CASTLE"),
                            v -> assertThat(field).isEqualTo("siret"));
        });
        String batchId = (String) answer.get("batchId");
        ResponseEntity<Map<String, Object>> progress = http.withBasicAuth(partner(network), PASSWORD)
                .exchange("/api/networks/" + network + "/batches/" + batchId, HttpMethod.GET, null, MAP);
        assertThat(progress.getBody()).containsEntry("format", "XLSX");
        // a SIRET typed as a number keeps its 14 digits, the leading zeros Excel drops given back
        assertThat(members(partner(network), network, batchId, null))
                .hasSize(34)
                .allSatisfy(member -> assertThat((String) member.get("siret")).matches("[0-9]{14}"));
    }

    @Test
    void whatIsNotAWorkbookIsRefusedWholeNamingTheFile() throws IOException {
        String network = newNetwork(false);
        // not a zip at all
        assertRefused(network, "ceci n'est pas un classeur".getBytes(), "n'est pas un classeur Excel");
        // an old binary .xls (its OLE2 signature)
        byte[] xls = new byte[512];
        System.arraycopy(
                new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1},
                0,
                xls,
                0,
                8);
        assertRefused(network, xls, "ancien format Excel (.xls)");
        // a zip without a workbook inside
        assertRefused(network, zip("readme.txt", 10), "ne peut être lu");
        // a small file that inflates past the cap
        byte[] bomb = zip("xl/sharedStrings.xml", XlsxMembers.MAX_UNCOMPRESSED + 1024 * 1024);
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        assertRefused(network, bomb, "trop volumineux une fois décompressé");
        assertThat(http.withBasicAuth(partner(network), PASSWORD)
                        .exchange("/api/networks/" + network, HttpMethod.GET, null, MAP)
                        .getBody())
                .containsEntry("members", 0);
    }

    private void assertRefused(String network, byte[] body, String message) {
        ResponseEntity<Map<String, Object>> answer = post(partner(network), network, body, XLSX);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(answer.getBody()))
                .singleElement()
                .satisfies(error -> assertThat(error).containsEntry("field", "file"))
                .satisfies(error -> assertThat((String) error.get("message")).contains(message));
    }

    private ResponseEntity<Map<String, Object>> post(String user, String network, byte[] body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.withBasicAuth(user, PASSWORD)
                .exchange(
                        "/api/networks/" + network + "/batches", HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
    }

    /** A zip with one entry of that many zero bytes. */
    private static byte[] zip(String entry, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry(entry));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written < size; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, size - written));
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
