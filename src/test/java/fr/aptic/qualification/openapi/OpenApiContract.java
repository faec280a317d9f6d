package fr.aptic.qualification.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aptic.qualification.support.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document against the controllers and the contract: every operation the controllers map is in the
 * document and in {@link ApiContract}, and nothing else; each says its statuses, who may call it, its examples;
 * and every answer the running application gives, to a stranger and to an administrator sending nothing useful,
 * is a status the document lists. Run on H2 and PostgreSQL.
 */
abstract class OpenApiContract {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    JsonNode document() {
        ApiClient.Reply reply = new ApiClient(port).get("/v3/api-docs").send();
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void theControllersTheDocumentAndTheContractNameTheSameOperations() {
        Set<String> controllers = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(path -> path.startsWith("/api/"))
                        .forEach(path -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> controllers.add(method.name() + " " + path))));
        Set<String> documented = new TreeSet<>();
        document()
                .path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        Set<String> contract =
                ApiContract.OPERATIONS.stream().map(ApiOperation::key).collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented).as("the document against the controllers").isEqualTo(controllers);
        assertThat(contract).as("ApiContract against the controllers").isEqualTo(controllers);
    }

    @Test
    void eachOperationSaysItsStatusesItsCallersAndItsExamples() {
        JsonNode paths = document().path("paths");
        for (ApiOperation operation : ApiContract.OPERATIONS) {
            JsonNode documented =
                    paths.path(operation.path()).path(operation.method().toLowerCase());
            Set<Integer> statuses = new TreeSet<>(operation.statuses().keySet());
            statuses.addAll(ApiContract.ALWAYS.keySet());
            Set<Integer> listed = new TreeSet<>();
            documented.path("responses").fieldNames().forEachRemaining(code -> listed.add(Integer.valueOf(code)));
            assertThat(listed).as(operation.key()).isEqualTo(statuses);
            assertThat(documented.path("summary").asText()).isEqualTo(operation.summary());
            JsonNode security = documented.path("security");
            if (operation.access() == ApiOperation.Access.PUBLIC) {
                assertThat(security.isArray() && security.isEmpty())
                        .as(operation.key() + " is public")
                        .isTrue();
            } else {
                assertThat(security.size())
                        .as(operation.key() + " says who may call it")
                        .isPositive();
            }
            documented.path("responses").fields().forEachRemaining(response -> {
                if (Integer.parseInt(response.getKey()) >= 400) {
                    assertThat(response.getValue()
                                    .path("content")
                                    .path("application/problem+json")
                                    .isMissingNode())
                            .as(operation.key() + " " + response.getKey() + " is a problem")
                            .isFalse();
                }
            });
            if (operation.requestExample() != null) {
                assertThat(documented.path("requestBody").path("content").findValues("example"))
                        .as(operation.key() + " request example")
                        .isNotEmpty();
            }
        }
    }

    @Test
    void theDocumentCarriesTheContractsFieldsAndSecuritySchemes() {
        JsonNode document = document();
        assertThat(document.path("components").path("securitySchemes").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("basic", "session", "trackingToken", "invitation");
        JsonNode application = document.path("components")
                .path("schemas")
                .path("ApplicationRequest")
                .path("properties");
        assertThat(application.fieldNames())
                .toIterable()
                .contains(
                        "siret",
                        "organisation",
                        "contact",
                        "legalRepresentative",
                        "places",
                        "quality",
                        "charter",
                        "termsAccepted",
                        "bank");
        JsonNode example = document.path("paths")
                .path("/api/applications")
                .path("post")
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("example");
        assertThat(example.path("organisation").path("legalForm").asText()).isEqualTo("Association loi 1901");
        assertThat(document.path("paths")
                        .path("/api/networks/{networkId}/batches/{batchId}/errors")
                        .path("get")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .has("text/csv"))
                .isTrue();
    }

    @Test
    void everyAnswerTheApplicationGivesIsAStatusTheDocumentLists() {
        JsonNode paths = document().path("paths");
        ApiClient api = new ApiClient(port);
        List<String> undocumented = new ArrayList<>();
        for (ApiOperation operation : ApiContract.OPERATIONS) {
            Set<String> listed = new TreeSet<>();
            paths.path(operation.path())
                    .path(operation.method().toLowerCase())
                    .path("responses")
                    .fieldNames()
                    .forEachRemaining(listed::add);
            for (String path : List.of(fill(operation.path(), "inconnu"), fill(operation.path(), "2A"))) {
                List<ApiClient.Call> calls = List.of(
                        api.call(operation.method(), path),
                        api.call(operation.method(), path).basic("admin", "demo"),
                        api.call(operation.method(), path)
                                .basic("admin", "demo")
                                .raw("application/json", "{}"),
                        api.call(operation.method(), path)
                                .basic("admin", "demo")
                                .raw("application/json", "pas du JSON"),
                        api.call(operation.method(), path)
                                .basic("admin", "demo")
                                .raw("text/csv", "a;b\n1;2\n"),
                        api.call(operation.method(), path).basic("reviewer-corse", "demo"));
                for (ApiClient.Call call : calls) {
                    int status = call.send().status();
                    if (!listed.contains(String.valueOf(status))) {
                        undocumented.add(operation.method() + " " + path + " → " + status);
                    }
                }
            }
        }
        assertThat(undocumented)
                .as("answers whose status the document does not list")
                .isEmpty();
    }

    @Test
    void swaggerUiIsServedFromTheJar() {
        ApiClient.Reply page = new ApiClient(port).get("/swagger-ui/index.html").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("swagger-ui");
        ApiClient.Reply config =
                new ApiClient(port).get("/v3/api-docs/swagger-config").send();
        assertThat(config.status()).isEqualTo(200);
    }

    /** The path with each of its variables set to {@code value}. */
    private static String fill(String path, String value) {
        return path.replaceAll("\\{[^}]+}", value);
    }
}
