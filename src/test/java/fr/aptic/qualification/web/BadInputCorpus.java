package fr.aptic.qualification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Call;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Samples;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.Scenarios.Submitted;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The corpus of malformed requests ({@code src/test/resources/security/bad-input/*.json}, one file per
 * capability, one case a line):
 * broken JSON, wrong types, missing and unknown fields, oversize bodies, wrong content types, invalid SIRETs,
 * IBANs, postcodes and e-mails, control characters and unusual Unicode, injection strings, bad query
 * parameters and paths, and the applicant's complements. Each must get its 4xx as a problem naming the field
 * (or {@code ""} for the body as a whole, {@code url} for the address), never a 5xx; afterwards no
 * application, place, timeline event, mail or process instance exists that was not there before.
 *
 * <p>A case starts from a valid application and changes it: {@code set} (path → JSON value), {@code remove},
 * {@code replace} (text of the compact JSON), {@code places} (that many copies of the first place),
 * {@code oversize} (a description of that many characters), or sends {@code raw} / {@code rawHex} bytes.
 * {@code target} is {@code submit} (default), {@code complements} (an application waiting for them), or a
 * {@code method} and {@code path} with an optional {@code json}, {@code raw} or {@code rawHex} body, sent as
 * {@code auth} (a demo user). A CSV upload whose rows are all bad may answer 2xx: then nothing is accepted and
 * the report names the {@code row} (the header is row 1) and the {@code field}.
 */
abstract class BadInputCorpus {

    /** One file per capability: adding a path's cases is adding its file. */
    static final String CORPUS = "classpath:security/bad-input/*.json";
    /** Tables a malformed request must never add a row to (those of capabilities not merged yet are skipped). */
    static final List<String> TABLES = List.of(
            "app_application",
            "app_place",
            "app_timeline",
            "app_mail_outbox",
            "app_pass_injection",
            "app_directory_place",
            "app_campaign",
            "app_campaign_candidate",
            "app_network",
            // a refused batch is recorded (app_network_batch and its errors) so that its report can be read again
            "app_network_member");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP = Pattern.compile("([^.\\[]+)((?:\\[\\d+])*)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HistoryService history;

    @Autowired
    RuntimeService runtime;

    @TestFactory
    Stream<DynamicNode> everyMalformedRequestGetsAProblemNamingTheFieldAndChangesNothing() throws IOException {
        ApiClient api = new ApiClient(port);
        Scenarios scenarios = new Scenarios(api);
        Submitted waiting = scenarios.changesRequested();
        List<Map<String, Object>> cases = corpus();
        assertThat(cases).as("the corpus").hasSizeGreaterThanOrEqualTo(150);
        Map<String, Long> before = counts(waiting);

        List<DynamicNode> tests = new ArrayList<>();
        for (Map<String, Object> c : cases) {
            tests.add(dynamicTest((String) c.get("name"), () -> check(api, waiting, c)));
        }
        tests.add(dynamicTest("nothing was created or changed by the corpus", () -> {
            assertThat(counts(waiting)).isEqualTo(before);
            assertThat(scenarios.view(waiting).json().path("status").asText()).isEqualTo("CHANGES_REQUESTED");
        }));
        return tests.stream();
    }

    private void check(ApiClient api, Submitted waiting, Map<String, Object> c) throws IOException {
        Reply reply = request(api, waiting, c).send();
        int expected = ((Number) c.get("status")).intValue();
        assertThat(reply.status()).as("answer: %s", reply).isEqualTo(expected);
        if (expected / 100 == 2) {
            // A file of rows: the valid ones proceed, the bad ones are reported by row; here all are bad.
            JsonNode report = reply.json();
            assertThat(report.path("accepted").asInt())
                    .as("nothing accepted: %s", reply)
                    .isZero();
            assertThat(report.path("errors")).as("row errors in %s", reply).anySatisfy(error -> {
                assertThat(error.path("row").asInt()).isEqualTo(((Number) c.get("row")).intValue());
                if (c.containsKey("field")) {
                    assertThat(error.path("field").asText()).isEqualTo(c.get("field"));
                }
            });
            return;
        }
        assertThat(reply.header("Content-Type"))
                .as("problem+json: %s", reply)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).isEqualTo(expected);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(reply.text()).as("no stack trace").doesNotContain("Exception", "\tat ");
        Object iban = ((Map<?, ?>) c.getOrDefault("set", Map.of())).get("bank.iban");
        if (iban instanceof String value && value.strip().length() > 4) {
            assertThat(reply.text()).as("an IBAN is never echoed").doesNotContain(value.strip());
        }
        if (c.containsKey("row")) {
            assertThat(problem.path("errors").findValuesAsText("row"))
                    .as("rows named in %s", reply)
                    .contains(String.valueOf(c.get("row")));
        }
        if (c.containsKey("field")) {
            assertThat(problem.path("errors").findValuesAsText("field"))
                    .as("fields named in %s", reply)
                    .contains((String) c.get("field"));
        }
    }

    private Call request(ApiClient api, Submitted waiting, Map<String, Object> c) throws IOException {
        String target = (String) c.getOrDefault("target", "submit");
        Call call;
        if (c.containsKey("path")) {
            call = api.call((String) c.get("method"), (String) c.get("path"));
        } else if ("complements".equals(target)) {
            call = api.post("/api/applications/" + waiting.id() + "/complements")
                    .token(waiting.token());
        } else {
            call = api.post("/api/applications");
        }
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) c.getOrDefault("headers", Map.of());
        headers.forEach(call::header);
        if (c.containsKey("auth")) {
            call.basic((String) c.get("auth"), Scenarios.PASSWORD);
        }
        boolean hasBody = c.containsKey("json") || c.containsKey("raw") || c.containsKey("rawHex");
        if (c.containsKey("path") && !hasBody) {
            return call;
        }
        byte[] body = c.containsKey("json")
                ? JSON.writeValueAsString(c.get("json")).getBytes(StandardCharsets.UTF_8)
                : body(c, target);
        String contentType = c.containsKey("contentType") ? (String) c.get("contentType") : "application/json";
        call.raw(contentType, body); // a null content type sends none
        if (Boolean.TRUE.equals(c.get("chunked"))) {
            call.chunked();
        }
        return call;
    }

    @SuppressWarnings("unchecked")
    private static byte[] body(Map<String, Object> c, String target) throws IOException {
        if (c.containsKey("raw")) {
            return ((String) c.get("raw")).getBytes(StandardCharsets.UTF_8);
        }
        if (c.containsKey("rawHex")) {
            return HexFormat.of().parseHex((String) c.get("rawHex"));
        }
        // A mutable deep copy: the sample holds immutable lists.
        Map<String, Object> body = "complements".equals(target)
                ? new LinkedHashMap<>()
                : JSON.readValue(JSON.writeValueAsString(Samples.application()), new TypeReference<>() {});
        if (c.containsKey("oversize")) {
            int size = ((Number) c.get("oversize")).intValue();
            body.put("organisation", new LinkedHashMap<>(Map.of("name", "A", "description", "a".repeat(size))));
        }
        if (c.containsKey("places")) {
            int copies = ((Number) c.get("places")).intValue();
            List<Object> places = (List<Object>) body.get("places");
            Object first = places.get(0);
            places.clear();
            for (int i = 0; i < copies; i++) {
                places.add(first);
            }
        }
        ((Map<String, Object>) c.getOrDefault("set", Map.of())).forEach((path, value) -> set(body, path, value));
        ((List<String>) c.getOrDefault("remove", List.of())).forEach(path -> remove(body, path));
        String text = JSON.writeValueAsString(body);
        if (c.containsKey("replace")) {
            List<String> replace = (List<String>) c.get("replace");
            assertThat(text).as("the text to replace").contains(replace.get(0));
            text = text.replace(replace.get(0), replace.get(1));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Sets a value at {@code places[0].postalCode}; the parent must exist, the last key or index may be new. */
    @SuppressWarnings("unchecked")
    static void set(Map<String, Object> body, String path, Object value) {
        List<Object> steps = steps(path);
        Object parent = body;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent = step instanceof Integer index
                    ? ((List<Object>) parent).get(index)
                    : ((Map<String, Object>) parent).get(step);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer index) {
            ((List<Object>) parent).set(index, value);
        } else {
            ((Map<String, Object>) parent).put((String) last, value);
        }
    }

    @SuppressWarnings("unchecked")
    static void remove(Map<String, Object> body, String path) {
        List<Object> steps = steps(path);
        Object parent = body;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent = step instanceof Integer index
                    ? ((List<Object>) parent).get(index)
                    : ((Map<String, Object>) parent).get(step);
        }
        ((Map<String, Object>) parent).remove((String) steps.get(steps.size() - 1));
    }

    private static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        // A key may hold anything but a dot or a bracket (charter commitment codes are free text here).
        for (String part : path.split("\\.")) {
            Matcher matcher = STEP.matcher(part);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("bad path " + path);
            }
            steps.add(matcher.group(1));
            Matcher index = Pattern.compile("\\[(\\d+)]").matcher(matcher.group(2));
            while (index.find()) {
                steps.add(Integer.parseInt(index.group(1)));
            }
        }
        return steps;
    }

    private static List<Map<String, Object>> corpus() throws IOException {
        List<Map<String, Object>> cases = new ArrayList<>();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(CORPUS);
        Arrays.sort(files, Comparator.comparing(Resource::getFilename));
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                List<Map<String, Object>> read = JSON.readValue(in, new TypeReference<>() {});
                read.forEach(c -> c.put("name", file.getFilename().replace(".json", "") + ": " + c.get("name")));
                cases.addAll(read);
            }
        }
        return cases;
    }

    /** What a request could have created: our rows, mails and process instances. */
    private Map<String, Long> counts(Submitted waiting) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("app_application", "app_place", "app_timeline", "app_mail_outbox")) {
            counts.put(
                    table,
                    jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.put(
                "timeline of the waiting application",
                jdbc.sql("select count(*) from app_timeline where application_id = ?")
                        .param(waiting.id())
                        .query(Long.class)
                        .single());
        counts.put("body of the waiting application", (long) jdbc.sql("select body from app_application where id = ?")
                .param(waiting.id())
                .query(String.class)
                .single()
                .hashCode());
        counts.put("process instances", runtime.createProcessInstanceQuery().count());
        counts.put(
                "historic process instances",
                history.createHistoricProcessInstanceQuery().count());
        return counts;
    }
}
