package fr.aptic.qualification.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.security.HostileExpressions.Hostile;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Call;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.Scenarios.Submitted;
import fr.aptic.qualification.support.Webapp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The expression door, tried as an attacker would: every hostile expression of {@link HostileExpressions} on
 * every surface a task query comes through (top level, or-queries, counts, GET parameters, filters created,
 * updated, listed with an extending query, a filter stored before the fix, and the webapps' own engine API),
 * as a hub reviewer, a network partner and the administrator. Each is refused (400, or 403 where the role may
 * not use the surface at all) with an explanation and never a 5xx, and nothing it would have written exists.
 * Then the allowed forms return exactly what the same query written with literals returns.
 */
abstract class ExpressionDoor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARTNER = "partner-expressions";
    private static final String NETWORK = "expressions";

    enum Role {
        HUB("reviewer-corse"),
        PARTNER(ExpressionDoor.PARTNER),
        ADMIN(Scenarios.ADMIN);

        final String user;

        Role(String user) {
            this.user = user;
        }
    }

    /** One way a query reaches the engine. */
    record Surface(String label, BiFunction<Role, String, Call> request, int maxLength) {}

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    FilterService filters;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    DataSource dataSource;

    @Autowired
    StoredFilterAudit audit;

    ApiClient api;
    Scenarios scenarios;
    private final Map<Role, Session> sessions = new LinkedHashMap<>();
    private String groupTasksFilter;
    private String myTasksFilter;
    private String adminFilter;

    private record Session(String cookies, String csrf) {}

    @TestFactory
    Stream<DynamicNode> everyHostileExpressionIsRefusedOnEverySurfaceAndWritesNothing() throws Exception {
        setUp();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Surface surface : surfaces()) {
            List<DynamicNode> roles = new ArrayList<>();
            for (Role role : Role.values()) {
                List<DynamicNode> cases = new ArrayList<>();
                for (Hostile hostile : HostileExpressions.all()) {
                    if (hostile.expression().length() > surface.maxLength()) {
                        continue;
                    }
                    cases.add(dynamicTest(hostile.label(), () -> refused(surface, role, hostile)));
                }
                roles.add(dynamicContainer(role.name(), cases));
            }
            nodes.add(dynamicContainer(surface.label(), roles));
        }
        nodes.add(dynamicTest("nothing was written: no user, table or file", this::nothingWritten));
        nodes.add(dynamicTest("the start-up audit names the filters stored before the fix", () -> {
            String stored = storedBeforeTheFix("${identityService}");
            assertThat(audit.refused())
                    .filteredOn(refused -> refused.id().equals(stored))
                    .singleElement()
                    .satisfies(refused -> assertThat(refused.errors().get(0).field())
                            .isEqualTo("query.orQueries[0].assigneeExpression"));
            assertThat(audit.refused())
                    .noneMatch(refused ->
                            refused.id().equals(myTasksFilter) || refused.id().equals(groupTasksFilter));
        }));
        return nodes.stream();
    }

    @TestFactory
    Stream<DynamicNode> allowedFormsReturnWhatTheLiteralQueryReturns() throws Exception {
        setUp();
        Submitted claimed = scenarios.underReview();
        String task = scenarios.taskId(claimed.id(), Scenarios.REVIEW_TASK);
        Reply claim = api.post("/engine-rest/task/" + task + "/claim")
                .basic("reviewer-corse", Scenarios.PASSWORD)
                .json(Map.of("userId", "reviewer-corse"))
                .send();
        assertThat(claim.status()).as("claim: %s", claim).isEqualTo(204);
        List<String> groups = identity.createGroupQuery().groupMember("reviewer-corse").list().stream()
                .map(group -> group.getId())
                .toList();
        DateTimeFormatter rest = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        String in30Days = ZonedDateTime.now().plusDays(30).format(rest);
        String weekAgo = ZonedDateTime.now().minusWeeks(1).format(rest);

        Map<String, Map<String, Object>[]> pairs = new LinkedHashMap<>();
        pairs.put(
                "${currentUser()} as assignee",
                pair(Map.of("assigneeExpression", "${currentUser()}"), Map.of("assignee", "reviewer-corse")));
        pairs.put(
                "#{currentUser()} in an or-query",
                pair(
                        Map.of("orQueries", List.of(Map.of("assigneeExpression", "#{currentUser()}"))),
                        Map.of("orQueries", List.of(Map.of("assignee", "reviewer-corse")))));
        pairs.put(
                "${currentUserGroups()} as candidate groups",
                pair(
                        Map.of("candidateGroupsExpression", "${currentUserGroups()}", "includeAssignedTasks", true),
                        Map.of("candidateGroups", groups, "includeAssignedTasks", true)));
        pairs.put(
                "${dateTime().plusDays(30)} as due before",
                pair(Map.of("dueBeforeExpression", "${dateTime().plusDays(30)}"), Map.of("dueBefore", in30Days)));
        pairs.put(
                "${dateTime().minusWeeks(1).toDate()} as created after, in an or-query",
                pair(
                        Map.of(
                                "orQueries",
                                List.of(Map.of("createdAfterExpression", "${dateTime().minusWeeks(1).toDate()}"))),
                        Map.of("orQueries", List.of(Map.of("createdAfter", weekAgo)))));
        pairs.put(
                "${dateTime().withTimeAtStartOfDay()} and ${now()} around the creation",
                pair(
                        Map.of(
                                "createdAfterExpression", "${dateTime().withTimeAtStartOfDay()}",
                                "createdBeforeExpression", "${now()}"),
                        // bounded by now too: tests that move the engine's clock leave tasks created in the future
                        Map.of(
                                "createdAfter",
                                weekAgo,
                                "createdBefore",
                                ZonedDateTime.now().format(rest))));

        List<DynamicNode> nodes = new ArrayList<>();
        pairs.forEach((label, pair) -> nodes.add(dynamicTest(label, () -> {
            Set<String> expressed = ids(api.post("/engine-rest/task")
                    .basic("reviewer-corse", Scenarios.PASSWORD)
                    .json(pair[0])
                    .send());
            Set<String> literal = ids(api.post("/engine-rest/task")
                    .basic("reviewer-corse", Scenarios.PASSWORD)
                    .json(pair[1])
                    .send());
            assertThat(expressed).as("the review task").contains(task);
            assertThat(expressed).isEqualTo(literal);
        })));
        nodes.add(dynamicTest("a GET parameter ${currentUser()}", () -> {
            Reply expressed = api.get("/engine-rest/task?assigneeExpression=" + encode("${currentUser()}"))
                    .basic("reviewer-corse", Scenarios.PASSWORD)
                    .send();
            assertThat(ids(expressed))
                    .contains(task)
                    .isEqualTo(ids(api.get("/engine-rest/task?assignee=reviewer-corse")
                            .basic("reviewer-corse", Scenarios.PASSWORD)
                            .send()));
        }));
        nodes.add(dynamicTest("Tasklist's filters: Mes tâches and Tâches de mon groupe", () -> {
            Reply mine = api.post("/engine-rest/filter/" + myTasksFilter + "/list")
                    .basic("reviewer-corse", Scenarios.PASSWORD)
                    .json(Map.of())
                    .send();
            assertThat(ids(mine))
                    .contains(task)
                    .isEqualTo(ids(api.post("/engine-rest/task")
                            .basic("reviewer-corse", Scenarios.PASSWORD)
                            .json(Map.of("assignee", "reviewer-corse"))
                            .send()));
            Reply group = api.post("/engine-rest/filter/" + groupTasksFilter + "/list")
                    .basic("reviewer-corse", Scenarios.PASSWORD)
                    .json(Map.of())
                    .send();
            assertThat(ids(group)).contains(task);
        }));
        nodes.add(dynamicTest("the same filters through the webapp, as Tasklist calls them", () -> {
            Session session = session(Role.HUB);
            Reply mine = webapp(session, "POST", "/filter/" + myTasksFilter + "/list?firstResult=0&maxResults=15")
                    .json(Map.of("orQueries", List.of(Map.of("assigneeExpression", "${currentUser()}"))))
                    .send();
            assertThat(mine.status()).as("%s", mine).isEqualTo(200);
            assertThat(ids(mine)).contains(task);
            Reply count = webapp(session, "GET", "/filter/" + groupTasksFilter + "/count")
                    .send();
            assertThat(count.status()).as("%s", count).isEqualTo(200);
            assertThat(count.json().get("count").asLong()).isPositive();
        }));
        return nodes.stream();
    }

    // --- the surfaces

    private List<Surface> surfaces() {
        int noLimit = Integer.MAX_VALUE;
        // A URL longer than Tomcat's header buffer (8 KiB) is refused before anything; tried up to that.
        int url = 6_000;
        return List.of(
                new Surface(
                        "POST /engine-rest/task, top level",
                        (role, e) -> engine(role, "POST", "/task").json(Map.of("assigneeExpression", e)),
                        noLimit),
                new Surface(
                        "POST /engine-rest/task, orQueries",
                        (role, e) -> engine(role, "POST", "/task")
                                .json(Map.of("orQueries", List.of(Map.of("candidateGroupExpression", e)))),
                        noLimit),
                new Surface(
                        "POST /engine-rest/task, second or-query, date field",
                        (role, e) -> engine(role, "POST", "/task")
                                .json(Map.of(
                                        "orQueries",
                                        List.of(Map.of("assignee", "x"), Map.of("dueBeforeExpression", e)))),
                        noLimit),
                new Surface(
                        "POST /engine-rest/task/count, orQueries",
                        (role, e) -> engine(role, "POST", "/task/count")
                                .json(Map.of("orQueries", List.of(Map.of("assigneeExpression", e)))),
                        noLimit),
                new Surface(
                        "GET /engine-rest/task?processInstanceBusinessKeyExpression=",
                        (role, e) -> engine(role, "GET", "/task?processInstanceBusinessKeyExpression=" + encode(e)),
                        url),
                new Surface(
                        "GET /engine-rest/task/count?assigneeExpression=",
                        (role, e) -> engine(role, "GET", "/task/count?assigneeExpression=" + encode(e)),
                        url),
                new Surface(
                        "POST /engine-rest/filter/create",
                        (role, e) -> engine(role, "POST", "/filter/create").json(filter(role, e)),
                        noLimit),
                new Surface(
                        "PUT /engine-rest/filter/{id}",
                        (role, e) ->
                                engine(role, "PUT", "/filter/" + adminFilter).json(filter(role, e)),
                        noLimit),
                new Surface(
                        "POST /engine-rest/filter/{id}/list, extending query",
                        (role, e) -> engine(role, "POST", "/filter/" + groupTasksFilter + "/list")
                                .json(Map.of("orQueries", List.of(Map.of("assigneeExpression", e)))),
                        noLimit),
                new Surface(
                        "POST /engine-rest/filter/{id}/count, extending query",
                        (role, e) -> engine(role, "POST", "/filter/" + myTasksFilter + "/count")
                                .json(Map.of("dueAfterExpression", e)),
                        noLimit),
                new Surface(
                        "GET /engine-rest/filter/{id}/list, filter stored before the fix",
                        (role, e) -> engine(role, "GET", "/filter/" + storedBeforeTheFix(e) + "/list"),
                        noLimit),
                new Surface(
                        "POST /camunda/api/engine/…/task, orQueries",
                        (role, e) -> webapp(session(role), "POST", "/task")
                                .json(Map.of("orQueries", List.of(Map.of("assigneeExpression", e)))),
                        noLimit),
                new Surface(
                        "POST /camunda/api/engine/…/filter/{id}/list, extending query",
                        (role, e) -> webapp(session(role), "POST", "/filter/" + groupTasksFilter + "/list")
                                .json(Map.of("orQueries", List.of(Map.of("involvedUserExpression", e)))),
                        noLimit),
                new Surface(
                        "POST /camunda/api/engine/…/filter/create",
                        (role, e) ->
                                webapp(session(role), "POST", "/filter/create").json(filter(role, e)),
                        noLimit));
    }

    private void refused(Surface surface, Role role, Hostile hostile) {
        Reply reply = surface.request().apply(role, hostile.expression()).send();
        String seen = surface.label() + " as " + role + ": " + reply;
        assertThat(reply.status()).as(seen).isIn(400, 403);
        if (role == Role.ADMIN) {
            assertThat(reply.status())
                    .as("the administrator may use every surface: " + seen)
                    .isEqualTo(400);
        }
        JsonNode body = reply.json();
        String explanation = body.path("detail").asText(body.path("message").asText(""));
        assertThat(explanation).as("an explanation: " + seen).isNotBlank().doesNotContain("Erreur interne");
        if (reply.status() == 400 && surface.label().contains("/engine-rest/task")) {
            assertThat(body.path("errors").get(0).path("field").asText())
                    .as("the field is named: " + seen)
                    .endsWith("Expression");
        }
        if (hostile.user() != null) {
            assertThat(identity.createUserQuery().userId(hostile.user()).count())
                    .as("user %s written by %s", hostile.user(), seen)
                    .isZero();
        }
    }

    private void nothingWritten() throws Exception {
        assertThat(identity.createUserQuery().list())
                .extracting(user -> user.getId())
                .noneMatch(id -> id.startsWith("pwned"));
        assertThat(filters.createFilterQuery().filterName("pwned").count()).isZero();
        assertThat(Files.exists(Path.of(HostileExpressions.FILE_MARKER))).isFalse();
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, "%", null)) {
            while (tables.next()) {
                assertThat(tables.getString("TABLE_NAME")).isNotEqualToIgnoringCase(HostileExpressions.TABLE_MARKER);
            }
        }
    }

    // --- requests

    private Call engine(Role role, String method, String path) {
        return api.call(method, "/engine-rest" + path).basic(role.user, Scenarios.PASSWORD);
    }

    private Call webapp(Session session, String method, String path) {
        return api.call(method, "/camunda/api/engine/engine/default" + path)
                .cookie(session.cookies())
                .header("X-XSRF-TOKEN", session.csrf())
                .header("Accept", "application/json");
    }

    private static Map<String, Object> filter(Role role, String expression) {
        return Map.of(
                "resourceType",
                "Task",
                "name",
                "pwned",
                "owner",
                role.user,
                "query",
                Map.of("orQueries", List.of(Map.of("assigneeExpression", expression))));
    }

    /** A filter written straight into the table, as one saved before the check existed would be. */
    private String storedBeforeTheFix(String expression) {
        String id = "pwn-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                var insert = connection.prepareStatement(
                        "insert into ACT_RU_FILTER"
                                + " (ID_, REV_, RESOURCE_TYPE_, NAME_, OWNER_, QUERY_, PROPERTIES_) values (?, 1, 'Task', ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, "stored before the fix");
            insert.setString(3, Scenarios.ADMIN);
            insert.setString(
                    4,
                    JSON.writeValueAsString(
                            Map.of("orQueries", List.of(Map.of("taskAssigneeExpression", expression)))));
            insert.setString(5, "{}");
            insert.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(Authorization.ANY);
        grant.setResource(Resources.FILTER);
        grant.setResourceId(id);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
        return id;
    }

    private Session session(Role role) {
        return sessions.computeIfAbsent(role, r -> {
            Reply login = Webapp.login(api, "tasklist", r.user, Scenarios.PASSWORD);
            assertThat(login.status()).as("login of %s: %s", r.user, login).isEqualTo(200);
            String cookie = Webapp.sessionCookie(login);
            Reply page =
                    api.get("/camunda/app/tasklist/default/").cookie(cookie).send();
            String csrf = page.header("X-XSRF-TOKEN").orElseThrow();
            String cookies = cookie + "; XSRF-TOKEN=" + csrf;
            return new Session(cookies, csrf);
        });
    }

    // --- set-up

    private void setUp() {
        if (api != null) {
            return;
        }
        api = new ApiClient(port);
        scenarios = new Scenarios(api);
        scenarios.underReview();
        Reply network = api.get("/api/networks/" + NETWORK)
                .basic("national", Scenarios.PASSWORD)
                .send();
        if (network.status() == 404) {
            Reply created = api.post("/api/networks")
                    .basic("national", Scenarios.PASSWORD)
                    .json(Map.of(
                            "networkId",
                            NETWORK,
                            "name",
                            "Réseau des expressions",
                            "agreement",
                            Map.of(
                                    "reference", "CONV-EXPR",
                                    "validFrom",
                                            java.time.LocalDate.now()
                                                    .minusMonths(1)
                                                    .toString(),
                                    "validUntil",
                                            java.time.LocalDate.now()
                                                    .plusYears(1)
                                                    .toString()),
                            "subscriptionPaidByNetwork",
                            true))
                    .send();
            assertThat(created.status()).as("network: %s", created).isEqualTo(201);
        }
        if (identity.createUserQuery().userId(PARTNER).count() == 0) {
            var user = identity.newUser(PARTNER);
            user.setFirstName("Partenaire");
            user.setLastName("Expressions");
            user.setPassword(Scenarios.PASSWORD);
            identity.saveUser(user);
            identity.createMembership(PARTNER, "network-" + NETWORK);
        }
        myTasksFilter = filters.createFilterQuery()
                .filterName(AccessSetup.MY_TASKS)
                .singleResult()
                .getId();
        groupTasksFilter = filters.createFilterQuery()
                .filterName(AccessSetup.GROUP_TASKS)
                .singleResult()
                .getId();
        Reply own = api.post("/engine-rest/filter/create")
                .basic(Scenarios.ADMIN, Scenarios.PASSWORD)
                .json(Map.of(
                        "resourceType",
                        "Task",
                        "name",
                        "Filtre de l'administrateur",
                        "owner",
                        "admin",
                        "query",
                        Map.of("assigneeExpression", "${currentUser()}")))
                .send();
        assertThat(own.status()).as("the administrator's own filter: %s", own).isEqualTo(200);
        adminFilter = own.json().get("id").asText();
    }

    @SafeVarargs
    private static Map<String, Object>[] pair(Map<String, Object>... queries) {
        return queries;
    }

    private static Set<String> ids(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        Set<String> ids = new TreeSet<>();
        reply.json().forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
