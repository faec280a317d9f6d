package fr.aptic.qualification.network;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.NetworkCsv;
import fr.aptic.qualification.support.Samples;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** Networks and their batches over HTTP: who may do what, every CSV variant, row errors, idempotency. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NetworkBatchTest extends NetworkTestSupport {

    @Autowired
    RuntimeService runtime;

    @Test
    void createsNetworkWithItsGroupForTheNationalTeamOnly() {
        String id = "reseau-" + UUID.randomUUID().toString().substring(0, 8);
        var body = networkBody(
                id,
                LocalDate.now(NetworkService.PARIS),
                LocalDate.now(NetworkService.PARIS).plusYears(2),
                true);
        assertThat(http.withBasicAuth("reviewer-corse", PASSWORD)
                        .exchange("/api/networks", HttpMethod.POST, json(body), MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> created =
                http.withBasicAuth("national", PASSWORD).exchange("/api/networks", HttpMethod.POST, json(body), MAP);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/networks/" + id);
        assertThat(created.getBody())
                .containsEntry("networkId", id)
                .containsEntry("group", "network-" + id)
                .containsEntry("agreementActive", true)
                .containsEntry("subscriptionPaidByNetwork", true);
        assertThat(identity.createGroupQuery().groupId("network-" + id).count()).isEqualTo(1);
        assertThat(http.withBasicAuth("national", PASSWORD)
                        .exchange("/api/networks", HttpMethod.POST, json(body), MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void refusesNetworkWithoutAgreementNamingEachField() {
        ResponseEntity<Map<String, Object>> refused = http.withBasicAuth("national", PASSWORD)
                .exchange(
                        "/api/networks",
                        HttpMethod.POST,
                        json(Map.of("networkId", "Pas Valide", "name", "Réseau")),
                        MAP);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused.getBody()))
                .extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("networkId", "agreement", "subscriptionPaidByNetwork");
    }

    @Test
    void showsNetworkToStaffAndItsOwnUsersOnly() {
        String network = newNetwork(false);
        String other = newNetwork(false);
        assertThat(get("national", "/api/networks/" + network).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("backoffice", "/api/networks/" + network).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(get(partner(network), "/api/networks/" + network).getBody())
                .containsEntry("networkId", network)
                .containsEntry(
                        "agreement",
                        Map.of(
                                "reference", "CONV-" + network,
                                "validFrom",
                                        LocalDate.now(NetworkService.PARIS)
                                                .minusMonths(1)
                                                .toString(),
                                "validUntil",
                                        LocalDate.now(NetworkService.PARIS)
                                                .plusYears(1)
                                                .toString()));
        assertThat(get(partner(other), "/api/networks/" + network).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("reviewer-corse", "/api/networks/" + network).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(partner(network), "/api/networks/inconnu").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/networks/" + network, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void storesValidRowsAndStartsTheirProcessesOnlyInTheBackground() {
        String network = newNetwork(true);
        ResponseEntity<Map<String, Object>> response = postCsv(
                partner(network), network, NetworkCsv.members(4).seed(seed()).bytes(), null);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Object> answer = response.getBody();
        assertThat(answer)
                .containsEntry("received", 4)
                .containsEntry("accepted", 4)
                .containsEntry("rejected", 0)
                .containsEntry("errors", List.of());
        String batchId = (String) answer.get("batchId");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/networks/" + network + "/batches/" + batchId);

        // Nothing ran in the request: the members wait, without a process, until the jobs run.
        assertThat(progress(partner(network), network, batchId))
                .containsEntry("byStatus", Map.of("SUBMITTED", 4))
                .containsEntry("done", false);
        List<Map<String, Object>> members = members(partner(network), network, batchId, null);
        assertThat(members).hasSize(4).extracting(m -> m.get("row")).containsExactly(2, 3, 4, 5);
        String first = (String) members.get(0).get("applicationId");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(first)
                        .count())
                .isZero();

        runJobs();
        Map<String, Object> progress = progress(partner(network), network, batchId);
        assertThat(progress.get("byStatus"))
                .isIn(Map.of("UNDER_REVIEW", 4), Map.of("UNDER_REVIEW", 3, "INELIGIBLE", 1));
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(NetworkMemberProcess.KEY)
                        .processInstanceBusinessKey(first)
                        .count())
                .isEqualTo(1);
        assertThat(members(partner(network), network, batchId, "UNDER_REVIEW")).isNotEmpty();
        assertThat(get(partner(network), "/api/networks/" + network).getBody()).containsEntry("members", 4);
    }

    @Test
    void reportsEachRejectedRowWithItsRowAndColumnAndKeepsTheValidOnes() {
        String network = newNetwork(false);
        Map<String, Object> answer = postCsv(partner(network), network, fixture("network-with-bad-rows.csv"), null)
                .getBody();
        assertThat(answer)
                .containsEntry("received", 6)
                .containsEntry("accepted", 1)
                .containsEntry("rejected", 5)
                .containsEntry("errorsTruncated", false);
        assertThat(errors(answer))
                .extracting(e -> e.get("row") + ":" + e.get("field"))
                .contains("2:postalCode", "4:contactEmail", "5:placeKind", "7:services");
        assertThat(errors(answer))
                .allSatisfy(error -> assertThat((String) error.get("message")).isNotBlank());
        String batchId = (String) answer.get("batchId");
        ResponseEntity<List<Map<String, Object>>> all = http.withBasicAuth(partner(network), PASSWORD)
                .exchange("/api/networks/" + network + "/batches/" + batchId + "/errors", HttpMethod.GET, null, LIST);
        assertThat(all.getBody()).hasSameSizeAs(errors(answer));
        assertThat(progress(partner(network), network, batchId)).containsEntry("byStatus", Map.of("SUBMITTED", 1));
    }

    @Test
    void readsWindows1252WithSemicolonsAndUtf8WithBom() {
        String network = newNetwork(false);
        Map<String, Object> cp1252 = postCsv(
                        partner(network),
                        network,
                        NetworkCsv.members(3).seed(seed()).semicolon().cp1252().bytes(),
                        null)
                .getBody();
        assertThat(cp1252).containsEntry("accepted", 3);
        assertThat(members(partner(network), network, (String) cp1252.get("batchId"), null))
                .extracting(m -> m.get("organisationName"))
                .containsExactly("Espace numérique 1", "Espace numérique 2", "Espace numérique 3");

        byte[] csv = NetworkCsv.members(2).seed(seed()).bytes();
        byte[] withBom = new byte[csv.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(csv, 0, withBom, 3, csv.length);
        assertThat(postCsv(partner(network), network, withBom, null).getBody()).containsEntry("accepted", 2);
    }

    @Test
    void rejectsTheSecondRowOfASiretAndASiretAlreadyOpen() {
        String network = newNetwork(false);
        String open = Samples.siret();
        ResponseEntity<Map<String, Object>> free = http.exchange(
                "/api/applications", HttpMethod.POST, json(Samples.application(open, "69001", "69381", "Lyon")), MAP);
        assertThat(free.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String twice = Samples.siret();
        String csv = CsvMembersTest.HEADER + "\n"
                + CsvMembersTest.row("Lieu A", "1 rue").replace("73282932000074", twice) + "\n"
                + CsvMembersTest.row("Lieu B", "2 rue").replace("73282932000074", twice) + "\n"
                + CsvMembersTest.row("Lieu C", "3 rue").replace("73282932000074", open) + "\n";
        Map<String, Object> answer = postCsv(partner(network), network, csv.getBytes(StandardCharsets.UTF_8), null)
                .getBody();
        assertThat(answer).containsEntry("accepted", 1).containsEntry("rejected", 2);
        assertThat(errors(answer))
                .extracting(e -> e.get("row") + ":" + e.get("field"))
                .containsExactly("3:siret", "4:siret");
        assertThat((String) errors(answer).get(0).get("message")).contains("ligne 2");
    }

    @Test
    void replaysTheFirstAnswerForTheSameIdempotencyKeyAndStartsNothing() {
        String network = newNetwork(false);
        String key = UUID.randomUUID().toString();
        byte[] csv = NetworkCsv.members(3).seed(seed()).bytes();
        ResponseEntity<Map<String, Object>> first = postCsv(partner(network), network, csv, key);
        ResponseEntity<Map<String, Object>> again = postCsv(partner(network), network, csv, key);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        // even with another body, the key answers the first submission
        ResponseEntity<Map<String, Object>> other = postCsv(
                partner(network), network, NetworkCsv.members(2).seed(seed()).bytes(), key);
        assertThat(other.getBody()).isEqualTo(first.getBody());
        assertThat(get(partner(network), "/api/networks/" + network).getBody()).containsEntry("members", 3);
        // another key is another batch
        assertThat(postCsv(
                                partner(network),
                                network,
                                NetworkCsv.members(2).seed(seed()).bytes(),
                                "autre-cle")
                        .getBody())
                .containsEntry("accepted", 2);
    }

    @Test
    void refusesBatchesWhenTheAgreementIsNotActiveToday() {
        String expired = newNetwork(
                LocalDate.now(NetworkService.PARIS).minusYears(2),
                LocalDate.now(NetworkService.PARIS).minusDays(1),
                false);
        ResponseEntity<Map<String, Object>> refused = postCsv(
                partner(expired), expired, NetworkCsv.members(2).seed(seed()).bytes(), null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("detail")).contains("CONV-" + expired);
        String future = newNetwork(
                LocalDate.now(NetworkService.PARIS).plusDays(1),
                LocalDate.now(NetworkService.PARIS).plusYears(1),
                false);
        assertThat(postCsv(
                                partner(future),
                                future,
                                NetworkCsv.members(2).seed(seed()).bytes(),
                                null)
                        .getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(get(partner(expired), "/api/networks/" + expired).getBody())
                .containsEntry("members", 0)
                .containsEntry("agreementActive", false);
    }

    @Test
    void refusesAnotherNetworksUserAndUnknownNetworks() {
        String network = newNetwork(false);
        String other = newNetwork(false);
        byte[] csv = NetworkCsv.members(1).seed(seed()).bytes();
        assertThat(postCsv(partner(other), network, csv, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postCsv("reviewer-corse", network, csv, null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postCsv(partner(network), "inconnu", csv, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        Map<String, Object> byNationalTeam =
                postCsv("national", network, csv, null).getBody();
        assertThat(byNationalTeam).containsEntry("accepted", 1);
        String batchId = (String) byNationalTeam.get("batchId");
        assertThat(http.withBasicAuth(partner(other), PASSWORD)
                        .exchange("/api/networks/" + network + "/batches/" + batchId, HttpMethod.GET, null, MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth(partner(other), PASSWORD)
                        .exchange("/api/networks/" + other + "/batches/" + batchId, HttpMethod.GET, null, MAP)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesAFileItCannotReadToTheEndAndStoresNothing() {
        String network = newNetwork(false);
        String csv = CsvMembersTest.HEADER + "\n"
                + CsvMembersTest.row("Lieu A", "1 rue").replace("73282932000074", Samples.siret()) + "\n"
                + CsvMembersTest.row("\"Lieu B", "2 rue").replace("73282932000074", Samples.siret()) + "\n";
        ResponseEntity<Map<String, Object>> refused =
                postCsv(partner(network), network, csv.getBytes(StandardCharsets.UTF_8), null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused.getBody()))
                .singleElement()
                .satisfies(e -> assertThat(e.get("row")).isEqualTo(3));
        assertThat(get(partner(network), "/api/networks/" + network).getBody()).containsEntry("members", 0);

        ResponseEntity<Map<String, Object>> badHeader = postCsv(
                partner(network),
                network,
                (CsvMembersTest.HEADER.replace(",services,", ",service,") + "\n").getBytes(StandardCharsets.UTF_8),
                null);
        assertThat(badHeader.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(badHeader.getBody())).extracting(e -> e.get("field")).contains("service", "services");

        ResponseEntity<Map<String, Object>> empty = postCsv(
                partner(network), network, (CsvMembersTest.HEADER + "\n").getBytes(StandardCharsets.UTF_8), null);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void takesJsonArraysAndNamesEachErrorByItsPosition() {
        String network = newNetwork(false);
        Map<String, Object> good = Samples.application();
        Map<String, Object> bad = Samples.application();
        Samples.firstPlace(bad).put("postalCode", "ABCDE");
        Map<String, Object> unknownField = Samples.application();
        unknownField.put("colour", "blue");
        ResponseEntity<Map<String, Object>> response =
                postJson(partner(network), network, List.of(good, bad, unknownField));
        assertThat(response.getStatusCode())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(response.getBody()).containsEntry("received", 3).containsEntry("accepted", 1);
        assertThat(errors(response.getBody()))
                .extracting(e -> e.get("row") + ":" + e.get("field"))
                .containsExactly("2:[1].places[0].postalCode", "3:[2].colour");

        assertThat(postJson(partner(network), network, Map.of("siret", "1")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void listsMembersAsCsvWithFormulasNeutralised() {
        String network = newNetwork(false);
        String csv = CsvMembersTest.HEADER + "\n"
                + CsvMembersTest.row("Lieu A", "1 rue")
                        .replace("73282932000074", Samples.siret())
                        .replace("Espace numérique", "\"=HYPERLINK(\"\"http://x\"\")\"")
                + "\n";
        String batchId = (String) postCsv(partner(network), network, csv.getBytes(StandardCharsets.UTF_8), null)
                .getBody()
                .get("batchId");
        HttpHeaders headers = new HttpHeaders();
        headers.set("Accept", "text/csv");
        ResponseEntity<String> export = http.withBasicAuth(partner(network), PASSWORD)
                .exchange(
                        "/api/networks/" + network + "/batches/" + batchId + "/members",
                        HttpMethod.GET,
                        new HttpEntity<>(headers),
                        String.class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = export.getBody().split("\n");
        assertThat(lines[0]).isEqualTo("row,memberRank,applicationId,siret,organisationName,status,reasons");
        assertThat(lines[1]).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",SUBMITTED,");
    }

    ResponseEntity<Map<String, Object>> get(String user, String path) {
        return http.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.GET, null, MAP);
    }

    static byte[] fixture(String name) {
        try (var in = CsvMembersTest.resource(name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static long seed() {
        return System.nanoTime();
    }
}
