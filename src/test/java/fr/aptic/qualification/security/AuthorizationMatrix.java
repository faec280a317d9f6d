package fr.aptic.qualification.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aptic.qualification.security.MatrixTable.Cell;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Call;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Samples;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.Scenarios.Submitted;
import fr.aptic.qualification.support.Webapp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every cell of the README's authorization matrix, checked over HTTP: each row of the README names a probe
 * here (one line each), each column a role. Rows that change something (claim, complete, withdraw…) run on a
 * fresh application where the cell expects success, and on shared ones where it expects a refusal; the last
 * check proves the refusals changed nothing. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class AuthorizationMatrix {

    enum Role {
        ANONYMOUS("anonymous", null),
        APPLICANT("applicant", null),
        OTHER_APPLICANT("other applicant", null),
        HUB_OWN("hub (own)", "reviewer-corse"),
        HUB_OTHER("hub (other)", "reviewer-hinaura"),
        NETWORK_OWN("network (own)", "partner-matrix-a"),
        NETWORK_OTHER("network (other)", "partner-matrix-b"),
        NATIONAL("aptic-qualification", "national"),
        BACK_OFFICE("aptic-back-office", "backoffice"),
        PROCESS_OWNERS("process-owners", "owner"),
        ADMIN("admin", "admin");

        final String column;
        final String user;

        Role(String column, String user) {
            this.column = column;
            this.user = user;
        }
    }

    /** What a probe saw: the status, whether the subject was in the answer (queries), and the answer. */
    record Seen(int status, Boolean sees, Reply reply) {}

    @FunctionalInterface
    interface Probe {
        Seen run(Role role, Cell expected);
    }

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    AccessSetup access;

    @Autowired
    ManagementService management;

    @Autowired
    org.camunda.bpm.engine.FilterService filters;

    ApiClient api;
    Scenarios scenarios;

    /** Shared subjects, created at first use. */
    private Supplier<Submitted> review;

    private Supplier<Submitted> other;
    private Supplier<Submitted> changes;
    private Supplier<Submitted> bank;

    @TestFactory
    Stream<DynamicNode> everyCellOfTheReadmeMatrixHolds() {
        api = new ApiClient(port);
        scenarios = new Scenarios(api);
        review = memo(scenarios::underReview);
        other = memo(scenarios::underReview);
        changes = memo(scenarios::changesRequested);
        bank = memo(scenarios::contracting);
        networkUsers();

        MatrixTable table = MatrixTable.read(Path.of("README.md"));
        Map<String, Probe> probes = probes();
        assertThat(table.columns())
                .as("the README matrix's columns")
                .containsExactly(Arrays.stream(Role.values()).map(r -> r.column).toArray(String[]::new));
        assertThat(probes.keySet())
                .as("probes without a README row")
                .isSubsetOf(table.rows().keySet());
        assertThat(table.rows().keySet()).as("README rows without a probe").isSubsetOf(probes.keySet());

        List<DynamicNode> rows = new ArrayList<>();
        table.rows().forEach((label, cells) -> {
            Probe probe = probes.get(label);
            List<DynamicNode> tests = new ArrayList<>();
            for (Role role : Role.values()) {
                Cell cell = cells.get(role.ordinal());
                tests.add(dynamicTest(role.column + " → " + cell, () -> check(label, role, cell, probe)));
            }
            rows.add(dynamicContainer(label, tests));
        });
        rows.add(dynamicTest("refused cells changed nothing", this::sharedSubjectsUnchanged));
        return rows.stream();
    }

    private void check(String label, Role role, Cell expected, Probe probe) {
        Seen seen = probe.run(role, expected);
        assertThat(seen.status())
                .as("%s as %s answered %s", label, role.column, seen.reply())
                .isEqualTo(expected.status());
        if (expected.sees() != null) {
            assertThat(seen.sees())
                    .as("%s as %s: is the subject in %s", label, role.column, seen.reply())
                    .isEqualTo(expected.sees());
        }
        if (seen.status() >= 400 && !label.startsWith("POST /camunda")) {
            assertThat(seen.reply().text()).as("an error explains itself").isNotBlank();
        }
    }

    /** The rows of the README matrix, one line each. */
    private Map<String, Probe> probes() {
        Map<String, Probe> p = new LinkedHashMap<>();
        // Our API, free path
        p.put(
                "POST /api/applications",
                (role, cell) ->
                        send(as(role, review(), post("/api/applications").json(Samples.application()))));
        p.put("GET /api/applications/{id}", (role, cell) -> send(as(role, review(), get(app(review())))));
        p.put("POST /api/applications/{id}/complements", (role, cell) -> {
            Submitted subject = cell.succeeds() ? scenarios.changesRequested() : changes.get();
            return send(as(role, subject, post(app(subject) + "/complements").json(complement(subject))));
        });
        p.put("POST /api/applications/{id}/withdrawal", (role, cell) -> {
            Submitted subject = cell.succeeds() ? scenarios.underReview() : review();
            return send(as(role, subject, post(app(subject) + "/withdrawal")));
        });
        p.put("GET /api/places", (role, cell) -> send(as(role, review(), get("/api/places"))));
        p.put("GET /api/places.geojson", (role, cell) -> send(as(role, review(), get("/api/places.geojson"))));
        p.put("GET /api/places.csv", (role, cell) -> send(as(role, review(), get("/api/places.csv"))));
        // The review task of an application routed to hub-corse, through the engine REST API
        p.put(
                "GET /engine-rest/task?processInstanceBusinessKey={id}",
                (role, cell) -> query(
                        as(role, review(), get("/engine-rest/task?processInstanceBusinessKey=" + review().id())),
                        hasId(reviewTask())));
        p.put(
                "GET /engine-rest/task/{reviewTaskId}",
                (role, cell) -> send(as(role, review(), get("/engine-rest/task/" + reviewTask()))));
        p.put(
                "GET /engine-rest/task/{reviewTaskId}/form-variables",
                (role, cell) -> send(as(role, review(), get("/engine-rest/task/" + reviewTask() + "/form-variables"))));
        p.put(
                "GET /engine-rest/task/{reviewTaskId}/deployed-form",
                (role, cell) -> send(as(role, review(), get("/engine-rest/task/" + reviewTask() + "/deployed-form"))));
        p.put("POST /engine-rest/task/{reviewTaskId}/claim", this::claimReview);
        p.put("POST /engine-rest/task/{reviewTaskId}/complete", (role, cell) -> {
            Submitted subject = cell.succeeds() ? scenarios.underReview() : review();
            String task = scenarios.taskId(subject.id(), Scenarios.REVIEW_TASK);
            return send(as(
                    role,
                    subject,
                    post("/engine-rest/task/" + task + "/complete")
                            .json(Map.of("variables", Scenarios.variables(Map.of("decision", "APPROVE"))))));
        });
        p.put(
                "GET /engine-rest/process-instance?businessKey={id}",
                (role, cell) -> query(
                        as(role, review(), get("/engine-rest/process-instance?businessKey=" + review().id())),
                        hasId(reviewInstance())));
        p.put(
                "GET /engine-rest/variable-instance?processInstanceIdIn={instanceId}",
                (role, cell) -> query(
                        as(
                                role,
                                review(),
                                get("/engine-rest/variable-instance?processInstanceIdIn=" + reviewInstance())),
                        any()));
        p.put(
                "GET /engine-rest/history/process-instance?processInstanceBusinessKey={id}",
                (role, cell) -> query(
                        as(
                                role,
                                review(),
                                get("/engine-rest/history/process-instance?processInstanceBusinessKey="
                                        + review().id())),
                        hasId(reviewInstance())));
        p.put(
                "GET /engine-rest/history/task?processInstanceBusinessKey={id}",
                (role, cell) -> query(
                        as(
                                role,
                                review(),
                                get("/engine-rest/history/task?processInstanceBusinessKey=" + review().id())),
                        hasId(reviewTask())));
        p.put(
                "GET /engine-rest/history/variable-instance?processInstanceId={instanceId}",
                (role, cell) -> query(
                        as(
                                role,
                                review(),
                                get("/engine-rest/history/variable-instance?processInstanceId=" + reviewInstance())),
                        any()));
        // Bank details: the back office's task in the contracting call activity
        p.put(
                "GET /engine-rest/task?taskDefinitionKey=Task_ValidateBankDetails",
                (role, cell) -> query(
                        as(
                                role,
                                bank(),
                                get("/engine-rest/task?taskDefinitionKey=" + Scenarios.BANK_TASK
                                        + "&processInstanceBusinessKey=" + bank().id())),
                        hasId(bankTask())));
        p.put(
                "GET /engine-rest/task/{bankTaskId}/form-variables",
                (role, cell) -> send(as(role, bank(), get("/engine-rest/task/" + bankTask() + "/form-variables"))));
        p.put(
                "GET /engine-rest/variable-instance?variableName=bankIban",
                (role, cell) -> query(
                        as(
                                role,
                                bank(),
                                get("/engine-rest/variable-instance?variableName=bankIban&processInstanceIdIn="
                                        + contractingInstance())),
                        any()));
        p.put(
                "GET /engine-rest/history/variable-instance?variableName=bankIban",
                (role, cell) -> query(
                        as(
                                role,
                                bank(),
                                get("/engine-rest/history/variable-instance?variableName=bankIban&processInstanceId="
                                        + contractingInstance())),
                        any()));
        p.put(
                "GET /engine-rest/history/detail?variableName=bankIban",
                (role, cell) -> query(
                        as(role, bank(), get("/engine-rest/history/detail?processInstanceId=" + contractingInstance())),
                        json -> json.findValuesAsText("variableName").contains("bankIban")));
        p.put("POST /engine-rest/task/{bankTaskId}/complete", (role, cell) -> {
            Submitted subject = cell.succeeds() ? scenarios.contracting() : bank();
            String task = scenarios.taskId(subject.id(), Scenarios.BANK_TASK);
            return send(as(
                    role,
                    subject,
                    post("/engine-rest/task/" + task + "/complete")
                            .json(Map.of("variables", Scenarios.variables(Map.of("bankValid", true))))));
        });
        // Models
        p.put(
                "GET /engine-rest/process-definition?key=free-qualification",
                (role, cell) -> query(
                        as(role, review(), get("/engine-rest/process-definition?key=free-qualification")), any()));
        p.put(
                "GET /engine-rest/decision-definition?key=eligibility",
                (role, cell) ->
                        query(as(role, review(), get("/engine-rest/decision-definition?key=eligibility")), any()));
        p.put("POST /engine-rest/deployment/create", (role, cell) -> send(as(role, review(), deployProbe())));
        // Territorial path: a campaign in Haute-Corse (2B), whose contact tasks go to hub-corse
        p.put(
                "POST /api/territories/{departement}/pass-injections",
                (role, cell) -> send(as(
                        role,
                        review(),
                        post("/api/territories/2B/pass-injections").json(injection(100)))));
        p.put(
                "GET /api/territories/{departement}/consolidation",
                (role, cell) -> send(as(role, review(), get("/api/territories/2B/consolidation"))));
        p.put(
                "POST /api/directory",
                (role, cell) -> send(as(
                        role,
                        review(),
                        post("/api/directory")
                                .raw(
                                        "text/csv",
                                        directory("matrix-" + role.name().toLowerCase() + "-" + Samples.siret())))));
        p.put(
                "GET /api/campaigns/{campaignId}",
                (role, cell) -> send(as(role, review(), get("/api/campaigns/" + campaign()))));
        p.put(
                "POST /api/campaigns/{campaignId}/applications?invitation=",
                (role, cell) -> send(as(
                        role,
                        review(),
                        post("/api/campaigns/" + campaign() + "/applications?invitation=not-an-invitation")
                                .json(Samples.application(Samples.siret(), "20200", "2B033", "Bastia")))));
        p.put(
                "GET /api/reports/funnel?departement={departement}",
                (role, cell) -> send(as(role, review(), get("/api/reports/funnel?departement=2B"))));
        p.put(
                "GET /engine-rest/task?taskDefinitionKey=Task_ContactCandidate",
                (role, cell) -> query(
                        as(
                                role,
                                review(),
                                get("/engine-rest/task?taskDefinitionKey=Task_ContactCandidate"
                                        + "&processInstanceBusinessKey=" + campaign())),
                        hasId(contactTask())));
        p.put(
                "GET /engine-rest/task/{contactTaskId}/form-variables",
                (role, cell) ->
                        send(as(role, review(), get("/engine-rest/task/" + contactTask() + "/form-variables"))));
        p.put("POST /engine-rest/task/{contactTaskId}/claim", (role, cell) -> claim(role, contactTask()));
        // Tasklist's filters and queries with the allowed expressions (security/QueryExpressions)
        p.put(
                "POST /engine-rest/filter/{groupTasksFilterId}/list",
                (role, cell) -> query(
                        as(
                                role,
                                review(),
                                post("/engine-rest/filter/" + filterId(AccessSetup.GROUP_TASKS) + "/list")
                                        .json(Map.of("processInstanceBusinessKey", review().id()))),
                        hasId(reviewTask())));
        p.put(
                "POST /engine-rest/task (orQueries with ${currentUserGroups()})",
                (role, cell) -> query(
                        as(
                                role,
                                review(),
                                post("/engine-rest/task")
                                        .json(Map.of(
                                                "processInstanceBusinessKey",
                                                review().id(),
                                                "orQueries",
                                                List.of(Map.of(
                                                        "candidateGroupsExpression", "${currentUserGroups()}"))))),
                        hasId(reviewTask())));
        p.put(
                "POST /engine-rest/filter/create",
                (role, cell) -> send(as(
                        role,
                        review(),
                        post("/engine-rest/filter/create")
                                .json(Map.of(
                                        "resourceType",
                                        "Task",
                                        "name",
                                        "Filtre " + role.column,
                                        "query",
                                        Map.of("assigneeExpression", "${currentUser()}"))))));
        // A deployed version judged on the stored applications: nothing changes
        p.put(
                "POST /api/simulations",
                (role, cell) -> send(as(
                        role,
                        review(),
                        post("/api/simulations").json(Map.of("decisionKey", "eligibility", "version", 1)))));
        // Network path: a member of network matrix-a, attested by that network's users
        p.put(
                "POST /api/networks",
                (role, cell) -> send(as(
                        role,
                        review(),
                        post("/api/networks")
                                .json(network(
                                        "matrix-" + UUID.randomUUID().toString().substring(0, 8))))));
        p.put(
                "GET /api/networks/{networkId}",
                (role, cell) -> send(as(role, review(), get("/api/networks/" + NETWORK_A))));
        p.put(
                "POST /api/networks/{networkId}/batches",
                (role, cell) -> send(as(
                        role,
                        review(),
                        post("/api/networks/" + NETWORK_A + "/batches").json(List.of(Samples.application())))));
        p.put(
                "GET /api/networks/{networkId}/batches/{batchId}",
                (role, cell) ->
                        send(as(role, review(), get("/api/networks/" + NETWORK_A + "/batches/" + member().batchId()))));
        p.put(
                "GET /api/networks/{networkId}/batches/{batchId}/members",
                (role, cell) -> send(as(
                        role,
                        review(),
                        get("/api/networks/" + NETWORK_A + "/batches/" + member().batchId() + "/members"))));
        p.put(
                "GET /api/networks/{networkId}/batches/{batchId}/errors",
                (role, cell) -> send(as(
                        role,
                        review(),
                        get("/api/networks/" + NETWORK_A + "/batches/" + member().batchId() + "/errors"))));
        // An unknown member: the answer is per member (not found), so the probe attests nobody
        p.put(
                "POST /api/networks/{networkId}/attestations",
                (role, cell) -> send(as(
                        role,
                        review(),
                        post("/api/networks/" + NETWORK_A + "/attestations")
                                .json(Map.of(
                                        "applicationIds",
                                        List.of(UUID.randomUUID().toString()),
                                        "decision",
                                        "ATTEST")))));
        p.put(
                "GET /api/applications/{memberId}",
                (role, cell) ->
                        send(as(role, member().asSubject(), get("/api/applications/" + member().applicationId()))));
        p.put(
                "GET /engine-rest/task?taskDefinitionKey=Task_AttestMember",
                (role, cell) -> query(
                        as(
                                role,
                                review(),
                                get("/engine-rest/task?taskDefinitionKey=Task_AttestMember"
                                        + "&processInstanceBusinessKey=" + member().applicationId())),
                        hasId(attestTask())));
        p.put(
                "GET /engine-rest/task/{attestTaskId}/form-variables",
                (role, cell) -> send(as(role, review(), get("/engine-rest/task/" + attestTask() + "/form-variables"))));
        p.put("POST /engine-rest/task/{attestTaskId}/claim", (role, cell) -> claim(role, attestTask()));
        p.put(
                "GET /engine-rest/process-instance?businessKey={memberId}",
                (role, cell) -> query(
                        as(
                                role,
                                review(),
                                get("/engine-rest/process-instance?businessKey=" + member().applicationId())),
                        any()));
        p.put(
                "GET /engine-rest/history/task?processInstanceBusinessKey={memberId}",
                (role, cell) -> query(
                        as(
                                role,
                                review(),
                                get("/engine-rest/history/task?processInstanceBusinessKey="
                                        + member().applicationId())),
                        hasId(attestTask())));
        // Webapps: logging in (the login form carries the user's own credentials, never a token)
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            p.put("POST " + Webapp.LOGIN + app, (role, cell) -> {
                Reply reply = role.user == null
                        ? Webapp.login(api, app, review().id(), review().token())
                        : Webapp.login(api, app, role.user, Scenarios.PASSWORD);
                return new Seen(reply.status(), null, reply);
            });
        }
        p.put(
                "POST /camunda/api/admin/setup/default/user/create",
                (role, cell) -> send(as(
                        role,
                        review(),
                        post("/camunda/api/admin/setup/default/user/create")
                                .json(Map.of(
                                        "profile", Map.of("id", "intruder", "firstName", "I", "lastName", "I"),
                                        "credentials", Map.of("password", "intruder-password"))))));
        // Operations and the contract's document
        p.put(
                "GET /actuator/health/readiness",
                (role, cell) -> send(as(role, review(), get("/actuator/health/readiness"))));
        p.put("GET /actuator/info", (role, cell) -> send(as(role, review(), get("/actuator/info"))));
        p.put("GET /actuator/prometheus", (role, cell) -> send(as(role, review(), get("/actuator/prometheus"))));
        p.put("GET /v3/api-docs", (role, cell) -> send(as(role, review(), get("/v3/api-docs"))));
        return p;
    }

    private Seen claimReview(Role role, Cell cell) {
        return claim(role, reviewTask());
    }

    /** Claims the task as the role and, when that works, gives it back. */
    private Seen claim(Role role, String taskId) {
        String path = "/engine-rest/task/" + taskId;
        Reply claimed = as(role, review(), post(path + "/claim"))
                .json(Map.of("userId", role.user == null ? "anonymous" : role.user))
                .send();
        if (claimed.status() == 204) {
            Reply unclaimed = as(role, review(), post(path + "/unclaim")).send();
            assertThat(unclaimed.status()).as("unclaim: %s", unclaimed).isEqualTo(204);
        }
        return new Seen(claimed.status(), null, claimed);
    }

    /** Refusals left the shared subjects as they were. */
    private void sharedSubjectsUnchanged() {
        assertThat(scenarios.view(review()).json().path("status").asText()).isEqualTo("UNDER_REVIEW");
        Reply task = api.get("/engine-rest/task/" + reviewTask())
                .basic(Scenarios.ADMIN, Scenarios.PASSWORD)
                .send();
        assertThat(task.json().path("assignee").isNull())
                .as("review task unassigned: %s", task)
                .isTrue();
        assertThat(scenarios.view(changes.get()).json().path("status").asText()).isEqualTo("CHANGES_REQUESTED");
        assertThat(scenarios.view(bank()).json().path("status").asText()).isEqualTo("CONTRACTING");
        assertThat(scenarios.taskId(bank().id(), Scenarios.BANK_TASK)).isEqualTo(bankTask());
    }

    // --- subjects

    private final Map<String, String> ids = new LinkedHashMap<>();

    private Submitted review() {
        return review.get();
    }

    private Submitted bank() {
        return bank.get();
    }

    private String reviewTask() {
        return ids.computeIfAbsent("reviewTask", k -> scenarios.taskId(review().id(), Scenarios.REVIEW_TASK));
    }

    private String reviewInstance() {
        return ids.computeIfAbsent("reviewInstance", k -> scenarios.instanceId(review().id(), "free-qualification"));
    }

    private String bankTask() {
        return ids.computeIfAbsent("bankTask", k -> scenarios.taskId(bank().id(), Scenarios.BANK_TASK));
    }

    private String contractingInstance() {
        return ids.computeIfAbsent("contracting", k -> scenarios.instanceId(bank().id(), "contracting"));
    }

    /** An open campaign in Haute-Corse with one candidate to contact (the hub's task). */
    private String campaign() {
        return ids.computeIfAbsent("campaign", k -> {
            String siret = Samples.siret();
            Reply imported = post("/api/directory")
                    .basic("national", Scenarios.PASSWORD)
                    .raw("text/csv", directory("matrix-campaign-" + siret))
                    .send();
            assertThat(imported.status()).as("directory: %s", imported).isEqualTo(200);
            Reply injected = post("/api/territories/2B/pass-injections")
                    .basic("national", Scenarios.PASSWORD)
                    .json(injection(2500))
                    .send();
            assertThat(injected.status()).as("injection: %s", injected).isEqualTo(201);
            assertThat(injected.json().path("campaignId").isTextual())
                    .as("a campaign: %s", injected)
                    .isTrue();
            return injected.json().path("campaignId").asText();
        });
    }

    private String contactTask() {
        return ids.computeIfAbsent("contactTask", k -> {
            Reply tasks = get("/engine-rest/task?taskDefinitionKey=Task_ContactCandidate&processInstanceBusinessKey="
                            + campaign())
                    .basic(Scenarios.ADMIN, Scenarios.PASSWORD)
                    .send();
            assertThat(tasks.json()).as("contact tasks: %s", tasks).isNotEmpty();
            return tasks.json().get(0).path("id").asText();
        });
    }

    private static Map<String, Object> injection(int passes) {
        return Map.of(
                "funder",
                "Département de la Haute-Corse",
                "passes",
                passes,
                "faceValueCents",
                1000,
                "date",
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"))
                        .minusDays(1)
                        .toString());
    }

    /** One known place in Bastia, in the national open-data standard's required columns. */
    private static String directory(String id) {
        String siret = id.substring(id.lastIndexOf('-') + 1);
        return "id,pivot,nom,commune,code_postal,adresse,date_maj\n" + id + "," + siret
                + ",Médiathèque de Bastia,Bastia,20200,1 rue Droite,"
                + java.time.LocalDate.now().minusDays(1) + "\n";
    }

    static final String NETWORK_A = "matrix-a";

    /** A member of network matrix-a, submitted by its user, waiting for the network's attestation. */
    record Member(String batchId, String applicationId) {
        /** Network members hold no tracking token: the applicant columns send a made-up one. */
        Submitted asSubject() {
            return new Submitted(applicationId, "no-token-for-network-members", null);
        }
    }

    private Member member;

    private Member member() {
        if (member == null) {
            Reply batch = post("/api/networks/" + NETWORK_A + "/batches")
                    .basic("partner-matrix-a", Scenarios.PASSWORD)
                    .json(List.of(Samples.application()))
                    .send();
            assertThat(batch.status()).as("batch: %s", batch).isEqualTo(202);
            String batchId = batch.json().path("batchId").asText();
            runJobs();
            Reply members = get("/api/networks/" + NETWORK_A + "/batches/" + batchId + "/members")
                    .basic("national", Scenarios.PASSWORD)
                    .send();
            assertThat(members.json()).as("members: %s", members).hasSize(1);
            member = new Member(
                    batchId, members.json().get(0).path("applicationId").asText());
        }
        return member;
    }

    private String attestTask() {
        return ids.computeIfAbsent("attestTask", k -> scenarios.taskId(member().applicationId(), "Task_AttestMember"));
    }

    /** Runs the engine's due jobs by hand (the test profile turns the job executor off): batches start there. */
    private void runJobs() {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = management.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private static Map<String, Object> network(String id) {
        return Map.of(
                "networkId",
                id,
                "name",
                "Réseau " + id,
                "agreement",
                Map.of(
                        "reference",
                        "CONV-" + id,
                        "validFrom",
                        java.time.LocalDate.now().minusMonths(1).toString(),
                        "validUntil",
                        java.time.LocalDate.now().plusYears(1).toString()),
                "subscriptionPaidByNetwork",
                false);
    }

    /** Users of two networks, matrix-a and matrix-b, neither of which the free-path subjects belong to. */
    private void networkUsers() {
        for (String network : List.of("a", "b")) {
            String group = "network-matrix-" + network;
            Reply exists = get("/api/networks/matrix-" + network)
                    .basic("national", Scenarios.PASSWORD)
                    .send();
            if (exists.status() == 404) {
                Reply created = post("/api/networks")
                        .basic("national", Scenarios.PASSWORD)
                        .json(network("matrix-" + network))
                        .send();
                assertThat(created.status()).as("network: %s", created).isEqualTo(201);
            }
            String userId = "partner-matrix-" + network;
            if (identity.createUserQuery().userId(userId).count() == 0) {
                var user = identity.newUser(userId);
                user.setFirstName("Partenaire");
                user.setLastName(network);
                user.setPassword(Scenarios.PASSWORD);
                identity.saveUser(user);
                identity.createMembership(userId, group);
            }
        }
    }

    // --- requests

    private Call get(String path) {
        return api.get(path);
    }

    private Call post(String path) {
        return api.post(path);
    }

    private static String app(Submitted subject) {
        return "/api/applications/" + subject.id();
    }

    /** The request as the role sends it: nothing, a tracking token, or the role's user's credentials. */
    private Call as(Role role, Submitted subject, Call call) {
        return switch (role) {
            case ANONYMOUS -> call;
            case APPLICANT -> call.token(subject.token());
            case OTHER_APPLICANT -> call.token(other.get().token());
            default -> call.basic(role.user, Scenarios.PASSWORD);
        };
    }

    private static Seen send(Call call) {
        Reply reply = call.send();
        return new Seen(reply.status(), null, reply);
    }

    private static Seen query(Call call, Predicate<JsonNode> holdsSubject) {
        Reply reply = call.send();
        Boolean sees = reply.status() == 200 ? holdsSubject.test(reply.json()) : null;
        return new Seen(reply.status(), sees, reply);
    }

    private String filterId(String name) {
        return ids.computeIfAbsent(
                "filter " + name,
                k -> filters.createFilterQuery().filterName(name).singleResult().getId());
    }

    private static Predicate<JsonNode> hasId(String id) {
        return json -> json.findValuesAsText("id").contains(id);
    }

    private static Predicate<JsonNode> any() {
        return json -> json.isArray() && !json.isEmpty();
    }

    private static Map<String, Object> complement(Submitted subject) {
        return Map.of(
                "contact", Map.of("name", "Camille Martin", "email", "nouveau." + subject.siret() + "@exemple.org"));
    }

    /** A harmless model deployed again and again (duplicate filtering keeps one version). */
    private Call deployProbe() {
        String boundary = "matrixboundary";
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_MatrixProbe"
                    targetNamespace="https://aptic.fr/tests">
                  <bpmn:process id="matrix-probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Probe" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        StringBuilder body = new StringBuilder();
        for (var field : Map.of(
                        "deployment-name", "matrix-probe",
                        "enable-duplicate-filtering", "true",
                        "deploy-changed-only", "true")
                .entrySet()) {
            body.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"")
                    .append(field.getKey())
                    .append("\"\r\n\r\n")
                    .append(field.getValue())
                    .append("\r\n");
        }
        body.append("--")
                .append(boundary)
                .append(
                        "\r\nContent-Disposition: form-data; name=\"matrix-probe.bpmn\"; filename=\"matrix-probe.bpmn\"")
                .append("\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(bpmn)
                .append("\r\n--")
                .append(boundary)
                .append("--\r\n");
        return post("/engine-rest/deployment/create")
                .raw(
                        "multipart/form-data; boundary=" + boundary,
                        body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        List<T> cache = new ArrayList<>(1);
        return () -> {
            if (cache.isEmpty()) {
                cache.add(supplier.get());
            }
            return cache.get(0);
        };
    }
}
