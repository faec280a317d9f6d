package fr.aptic.qualification.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The models process owners edit follow the conventions of docs/model-checks.md; broken fixtures prove each check. */
class ModelConventionsTest {

    // Not under src/test/resources: Camunda's auto-deployment scans the whole classpath for *.bpmn and *.dmn
    // and would deploy these broken models in every @SpringBootTest (see src/test/models/README.md).
    private static final Path FIXTURES = Path.of("src/test/models");

    @Test
    void modelsInBpmnDmnAndFormsFollowTheConventions() {
        List<String> violations = violationsUnder(Path.of(""));

        assertThat(violations)
                .withFailMessage(
                        "The models break %d convention(s) (see docs/model-checks.md):%n  %s",
                        violations.size(), String.join(System.lineSeparator() + "  ", violations))
                .isEmpty();
    }

    @Test
    void acceptsCompleteModels() {
        assertThat(violationsUnder(FIXTURES.resolve("good"))).isEmpty();
    }

    @Test
    void reportsModelerDefaultIdsOnReferencedElements() {
        assertThat(violationsOf("default-ids"))
                .containsExactlyInAnyOrder(
                        "bpmn/default-ids.bpmn: StartEvent_1 (startEvent): Modeler default id: rename it to a meaningful StartEvent_… id",
                        "bpmn/default-ids.bpmn: Activity_0x8f2kd (task): Modeler default id: rename it to a meaningful Task_… id",
                        "bpmn/default-ids.bpmn: Gateway_1abcd2e (exclusiveGateway): Modeler default id: rename it to a meaningful Gateway_… id",
                        "bpmn/default-ids.bpmn: Flow_0s1m1ws (sequenceFlow): Modeler default id: rename it to a meaningful Flow_… id",
                        "bpmn/default-ids.bpmn: Flow_1q2w3e4 (sequenceFlow): Modeler default id: rename it to a meaningful Flow_… id",
                        "bpmn/default-ids.bpmn: Event_0z9y8x7 (endEvent): Modeler default id: rename it to a meaningful EndEvent_… id",
                        "bpmn/default-ids.bpmn: Message_0m1s2g3 (message): Modeler default id: rename it to a meaningful Message_… id",
                        "dmn/default-ids.dmn: Decision_13nychf (decision): Modeler default id: decision ids are kebab-case, the main one equal to the file name \"default-ids\"",
                        "forms/default-ids.form: field_0ab12cd (textfield): Modeler default key: name it after the variable it fills (e.g. reviewComment)",
                        "forms/generated.form: Form_1a2b3c4 (form): Modeler default id: the form id must be the file name \"generated\"");
    }

    @Test
    void reportsProcessAndDecisionWithoutHistoryTimeToLive() {
        assertThat(violationsOf("missing-history-ttl"))
                .containsExactlyInAnyOrder(
                        "bpmn/missing-history-ttl.bpmn: missing-history-ttl (process): no camunda:historyTimeToLive",
                        "dmn/missing-history-ttl.dmn: missing-history-ttl (decision): no camunda:historyTimeToLive");
    }

    @Test
    void reportsUserTaskWithoutFormGroupOrDueDate() {
        assertThat(violationsOf("incomplete-user-task"))
                .containsExactlyInAnyOrder(
                        "bpmn/incomplete-user-task.bpmn: Task_ReviewApplication (userTask): no form (camunda:formRef or camunda:formKey)",
                        "bpmn/incomplete-user-task.bpmn: Task_ReviewApplication (userTask): no group (camunda:candidateGroups or camunda:assignee)",
                        "bpmn/incomplete-user-task.bpmn: Task_ReviewApplication (userTask): no camunda:dueDate");
    }

    @Test
    void reportsDecisionTableInputAndOutputWithoutType() {
        assertThat(violationsOf("untyped-decision-table"))
                .containsExactlyInAnyOrder(
                        "dmn/untyped-decision-table.dmn: InputClause_0g4h5i6 (input): input expression without typeRef",
                        "dmn/untyped-decision-table.dmn: OutputClause_0m1n2o3 (output): output without typeRef",
                        "dmn/untyped-decision-table.dmn: OutputClause_0m1n2o3 (output): output without name (the variable it feeds)");
    }

    @Test
    void reportsFormProcessAndDecisionReferencesThatNameNothing() {
        assertThat(violationsOf("dangling-references"))
                .containsExactlyInAnyOrder(
                        "bpmn/dangling-references.bpmn: StartEvent_Submitted (startEvent): camunda:formRef \"missing-start-form\" names no form in forms/",
                        "bpmn/dangling-references.bpmn: Task_ReviewApplication (userTask): camunda:formRef \"missing-form\" names no form in forms/",
                        "bpmn/dangling-references.bpmn: Task_ReviewBankDetails (userTask): camunda:formKey \"camunda-forms:deployment:forms/missing.form\" names no form in forms/",
                        "bpmn/dangling-references.bpmn: CallActivity_QualifyMember (callActivity): calledElement \"missing-process\" names no process in bpmn/",
                        "bpmn/dangling-references.bpmn: Task_DecideEligibility (businessRuleTask): camunda:decisionRef \"missing-decision\" names no decision in dmn/");
    }

    @Test
    void reportsIdsThatDifferFromKebabCaseFileNames() {
        assertThat(violationsOf("misnamed-files"))
                .containsExactlyInAnyOrder(
                        "bpmn/ReviewProcess.bpmn: file name is not kebab-case (lower-case words joined by hyphens, e.g. free-qualification.bpmn)",
                        "bpmn/review.bpmn: review-process (process): process id must equal the file name \"review\" (or rename the file to review-process.bpmn)",
                        "dmn/routing.dmn: hub-routing (decision): decision id must equal the file name \"routing\" (or rename the file to hub-routing.dmn)",
                        "forms/review-form.form: review (form): form id must equal the file name \"review-form\"");
    }

    @Test
    void reportsSecondExecutableProcessAndDuplicateKey() {
        assertThat(violationsOf("duplicate-ids"))
                .containsExactlyInAnyOrder(
                        "bpmn/second.bpmn: first (process): process id also used in bpmn/first.bpmn",
                        "bpmn/second.bpmn: first (process): one executable process per file: move it to bpmn/first.bpmn");
    }

    @Test
    void reportsFilesThatCannotBeRead() {
        assertThat(violationsOf("unreadable"))
                .hasSize(3)
                .anySatisfy(line -> assertThat(line).startsWith("bpmn/unreadable.bpmn: cannot be read: "))
                .anySatisfy(line -> assertThat(line).startsWith("dmn/unreadable.dmn: cannot be read: "))
                .anySatisfy(line -> assertThat(line).startsWith("forms/unreadable.form: cannot be read: "));
    }

    private static List<String> violationsOf(String brokenCase) {
        return violationsUnder(FIXTURES.resolve("broken").resolve(brokenCase));
    }

    private static List<String> violationsUnder(Path root) {
        return new ModelConventionsChecker(root)
                .check().stream().map(ModelViolation::toString).toList();
    }
}
