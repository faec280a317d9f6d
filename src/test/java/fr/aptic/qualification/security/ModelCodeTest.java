package fr.aptic.qualification.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.web.FieldError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a model may run: the project's models pass, and each way of smuggling code is refused by element. */
class ModelCodeTest {

    /** The application's beans a model could name (a few, as the real check asks the application context). */
    private static final Set<String> BEANS =
            Set.of("identityService", "jdbcTemplate", "dataSource", "qualifyDelegate", "deadlines");

    private final ModelCode code =
            new ModelCode(name -> BEANS.contains(name) || ModelCode.DECLARED_BEANS.contains(name));

    @Test
    void theProjectsModelsPass() throws IOException {
        for (String folder : List.of("bpmn", "dmn")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(code.refusals(folder + "/" + file.getFileName(), Files.readAllBytes(file)))
                            .as("%s", file)
                            .isEmpty();
                }
            }
        }
    }

    @Test
    void theDeclaredBeansAreExactlyThoseTheModelsUse() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern delegate = Pattern.compile("(?:delegateExpression|camunda:expression)=\"\\$\\{(\\w+)}\"");
        for (Path root : List.of(Path.of("bpmn"), Path.of("src/test/resources/models-2026-12-02"))) {
            try (Stream<Path> files = Files.list(root)) {
                for (Path file : files.toList()) {
                    Matcher matcher = delegate.matcher(Files.readString(file));
                    while (matcher.find()) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(new TreeSet<>(ModelCode.DECLARED_BEANS)).isEqualTo(used);
    }

    @Test
    void theDeclaredCallsAreExactlyThoseTheModelsMake() throws IOException {
        Map<String, Set<String>> made = new java.util.TreeMap<>();
        Pattern call = Pattern.compile("\\$\\{(\\w+)\\.(\\w+)\\(execution, '[\\w-]+'\\)}");
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.toList()) {
                Matcher matcher = call.matcher(Files.readString(file));
                while (matcher.find()) {
                    made.computeIfAbsent(matcher.group(1), bean -> new TreeSet<>())
                            .add(matcher.group(2));
                }
            }
        }
        assertThat(made).isEqualTo(Map.of("deadlines", Set.of("due", "followUp")));
        assertThat(ModelCode.DECLARED_CALLS).isEqualTo(made);
    }

    @Test
    void aDeclaredCallPassesWithTheExecutionAndATaskKey() {
        assertThat(code.refusals(
                        "bpmn/ok.bpmn",
                        process("<bpmn:userTask id=\"Task_Ok\""
                                        + " camunda:dueDate=\"${deadlines.due(execution, 'review-application')}\""
                                        + " camunda:followUpDate=\"${deadlines.followUp(execution, 'x')}\"/>")
                                .getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    record Hostile(String label, String element, String xml) {
        @Override
        public String toString() {
            return label;
        }
    }

    static List<Hostile> hostileModels() {
        return List.of(
                new Hostile(
                        "a script task",
                        "ScriptTask_Pwn",
                        process(
                                "<bpmn:scriptTask id=\"ScriptTask_Pwn\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script>"
                                        + "</bpmn:scriptTask>")),
                new Hostile(
                        "camunda:script in an input mapping",
                        "Task_Pwn",
                        process("<bpmn:task id=\"Task_Pwn\"><bpmn:extensionElements><camunda:inputOutput>"
                                + "<camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"javascript\">1"
                                + "</camunda:script></camunda:inputParameter></camunda:inputOutput>"
                                + "</bpmn:extensionElements></bpmn:task>")),
                new Hostile(
                        "a bean call in a listener",
                        "Task_Pwn",
                        process(
                                "<bpmn:task id=\"Task_Pwn\"><bpmn:extensionElements><camunda:executionListener event=\"start\""
                                        + " expression=\"${identityService.saveUser(identityService.newUser('pwned'))}\"/>"
                                        + "</bpmn:extensionElements></bpmn:task>")),
                new Hostile(
                        "a bean in a condition",
                        "Flow_Pwn",
                        processWithFlow("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">"
                                + "${jdbcTemplate.execute('DROP TABLE x') == null}</bpmn:conditionExpression>")),
                new Hostile(
                        "a script condition",
                        "Flow_Pwn",
                        processWithFlow(
                                "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\">true"
                                        + "</bpmn:conditionExpression>")),
                new Hostile(
                        "a bean in an input mapping",
                        "Task_Pwn",
                        process("<bpmn:task id=\"Task_Pwn\"><bpmn:extensionElements><camunda:inputOutput>"
                                + "<camunda:inputParameter name=\"x\">${dataSource.connection}</camunda:inputParameter>"
                                + "</camunda:inputOutput></bpmn:extensionElements></bpmn:task>")),
                new Hostile(
                        "camunda:class",
                        "ServiceTask_Pwn",
                        process("<bpmn:serviceTask id=\"ServiceTask_Pwn\" camunda:class=\"java.lang.Runtime\"/>")),
                new Hostile(
                        "a listener class",
                        "Task_Pwn",
                        process("<bpmn:task id=\"Task_Pwn\"><bpmn:extensionElements><camunda:executionListener"
                                + " event=\"start\" class=\"com.example.Pwn\"/></bpmn:extensionElements></bpmn:task>")),
                new Hostile(
                        "an undeclared bean as delegate",
                        "ServiceTask_Pwn",
                        process(
                                "<bpmn:serviceTask id=\"ServiceTask_Pwn\" camunda:delegateExpression=\"${identityService}\"/>")),
                new Hostile(
                        "a method on a declared delegate",
                        "ServiceTask_Pwn",
                        process("<bpmn:serviceTask id=\"ServiceTask_Pwn\""
                                + " camunda:expression=\"${qualifyDelegate.execute(execution)}\"/>")),
                new Hostile(
                        "a declared call's bean as a delegate",
                        "ServiceTask_Pwn",
                        process(
                                "<bpmn:serviceTask id=\"ServiceTask_Pwn\" camunda:delegateExpression=\"${deadlines}\"/>")),
                new Hostile(
                        "another method of a declared call's bean",
                        "Task_Pwn",
                        process("<bpmn:userTask id=\"Task_Pwn\" camunda:dueDate=\"${deadlines.getClass()}\"/>")),
                new Hostile(
                        "a declared call given a bean",
                        "Task_Pwn",
                        process("<bpmn:userTask id=\"Task_Pwn\""
                                + " camunda:dueDate=\"${deadlines.due(identityService, 'x')}\"/>")),
                new Hostile(
                        "a declared call given a call",
                        "Task_Pwn",
                        process("<bpmn:userTask id=\"Task_Pwn\""
                                + " camunda:dueDate=\"${deadlines.due(execution, execution.getProcessEngine())}\"/>")),
                new Hostile(
                        "a call on a declared call's result",
                        "Task_Pwn",
                        process("<bpmn:userTask id=\"Task_Pwn\""
                                + " camunda:dueDate=\"${deadlines.due(execution, 'x').getClass()}\"/>")),
                new Hostile(
                        "the engine through the execution",
                        "ServiceTask_Pwn",
                        process("<bpmn:serviceTask id=\"ServiceTask_Pwn\""
                                + " camunda:expression=\"${execution.processEngineServices}\"/>")),
                new Hostile(
                        "an external script resource",
                        "ScriptTask_Pwn",
                        process("<bpmn:scriptTask id=\"ScriptTask_Pwn\" scriptFormat=\"javascript\""
                                + " camunda:resource=\"classpath://x.js\"/>")),
                new Hostile(
                        "a connector",
                        "ServiceTask_Pwn",
                        process("<bpmn:serviceTask id=\"ServiceTask_Pwn\"><bpmn:extensionElements><camunda:connector>"
                                + "<camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>"
                                + "</bpmn:extensionElements></bpmn:serviceTask>")),
                new Hostile(
                        "an embedded HTML form",
                        "UserTask_Pwn",
                        process("<bpmn:userTask id=\"UserTask_Pwn\" camunda:formKey=\"embedded:app:forms/x.html\"/>")));
    }

    @ParameterizedTest
    @MethodSource("hostileModels")
    void refusesNamingTheElement(Hostile hostile) {
        List<FieldError> errors = code.refusals("bpmn/pwn.bpmn", hostile.xml().getBytes(StandardCharsets.UTF_8));

        assertThat(errors).as("%s", hostile).isNotEmpty();
        assertThat(errors.get(0).field()).isEqualTo("bpmn/pwn.bpmn#" + hostile.element());
        assertThat(errors.get(0).message()).isNotBlank();
    }

    @Test
    void refusesADoctypeAndAJuelDecisionAndAResourceThatIsNoModel() {
        assertThat(code.refusals(
                        "bpmn/xxe.bpmn",
                        ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                                        + "<x>&e;</x>")
                                .getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
        assertThat(code.refusals(
                        "dmn/juel.dmn",
                        ("<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\""
                                        + " expressionLanguage=\"juel\"/>")
                                .getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
        assertThat(code.refusals(Map.of("pwn.groovy", "1".getBytes(StandardCharsets.UTF_8))))
                .extracting(FieldError::field)
                .containsExactly("pwn.groovy");
    }

    static String process(String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_Pwn" targetNamespace="http://aptic.fr/pwn">
                  <bpmn:process id="pwn" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Pwn"/>
                    %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(body).strip();
    }

    static String processWithFlow(String condition) {
        return process("<bpmn:exclusiveGateway id=\"Gateway_Pwn\"/><bpmn:endEvent id=\"EndEvent_Pwn\"/>"
                + "<bpmn:sequenceFlow id=\"Flow_Pwn\" sourceRef=\"Gateway_Pwn\" targetRef=\"EndEvent_Pwn\">"
                + condition + "</bpmn:sequenceFlow>");
    }
}
