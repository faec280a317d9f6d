package fr.aptic.qualification.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import fr.aptic.qualification.security.ModelCodeTest.Hostile;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Scenarios;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deploying through {@code /engine-rest/deployment/create}: process owners and the administrator deploy models,
 * but a model that would run code is refused (400, the element named, in French) and nothing is stored; hub
 * reviewers and partners may not deploy at all. A harmless model still deploys.
 */
abstract class ModelDoor {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryService repository;

    @TestFactory
    Stream<DynamicNode> hostileModelsAreRefusedOnTheRestRoute() {
        ApiClient api = new ApiClient(port);
        List<Hostile> models = new ArrayList<>(ModelCodeTest.hostileModels());
        models.add(new Hostile(
                "an external entity (XXE)",
                "pwn.bpmn",
                "<?xml version=\"1.0\"?>" + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));
        models.add(new Hostile("malformed XML", "pwn.bpmn", "<bpmn:definitions"));
        List<DynamicNode> nodes = new ArrayList<>();
        for (String user : List.of("owner", Scenarios.ADMIN)) {
            List<DynamicNode> cases = new ArrayList<>();
            for (Hostile hostile : models) {
                cases.add(dynamicTest(hostile.label(), () -> {
                    long before = repository.createDeploymentQuery().count();
                    Reply reply = deploy(api, user, hostile.xml());
                    assertThat(reply.status()).as("%s", reply).isEqualTo(400);
                    assertThat(reply.json().path("errors").get(0).path("field").asText())
                            .as("%s", reply)
                            .contains(hostile.element());
                    assertThat(reply.json().path("detail").asText()).isNotBlank();
                    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
                    assertThat(repository
                                    .createProcessDefinitionQuery()
                                    .processDefinitionKey("pwn")
                                    .count())
                            .isZero();
                }));
            }
            nodes.add(dynamicContainer(user, cases));
        }
        for (String user : List.of("reviewer-corse", "reviewer-hinaura")) {
            nodes.add(dynamicTest(user + " may not deploy at all", () -> {
                Reply reply = deploy(api, user, ModelCodeTest.process(""));
                assertThat(reply.status()).as("%s", reply).isEqualTo(403);
            }));
        }
        nodes.add(dynamicTest("a harmless model deploys", () -> {
            String harmless = ModelCodeTest.process(
                            "<bpmn:serviceTask id=\"ServiceTask_Qualify\" camunda:delegateExpression=\"${qualifyDelegate}\"/>"
                                    + "<bpmn:userTask id=\"UserTask_Review\" camunda:candidateGroups=\"${reviewGroup}\""
                                    + " camunda:dueDate=\"${dateTime().plusDays(10).toDate()}\"/>")
                    .replace("id=\"pwn\"", "id=\"door-harmless\"");
            Reply reply = deploy(api, "owner", harmless);
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        }));
        return nodes.stream();
    }

    private static Reply deploy(ApiClient api, String user, String model) {
        String boundary = "----aptic" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "deployment-name", null, "door");
        part(body, boundary, "data", "pwn.bpmn", model);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.post("/engine-rest/deployment/create")
                .basic(user, Scenarios.PASSWORD)
                .raw("multipart/form-data; boundary=" + boundary, body.toByteArray())
                .send();
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String file, String value) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (file == null ? "" : "; filename=\"" + file + "\"\r\nContent-Type: application/octet-stream")
                + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
