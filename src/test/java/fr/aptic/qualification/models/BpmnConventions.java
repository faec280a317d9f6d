package fr.aptic.qualification.models;

import static fr.aptic.qualification.models.ModelIds.isBlank;
import static fr.aptic.qualification.models.ModelIds.isLiteral;
import static fr.aptic.qualification.models.ModelIds.isModelerDefault;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** The conventions of one BPMN file: ids, history time to live, complete user tasks, references that resolve. */
final class BpmnConventions {

    private static final String FORMS_PREFIX = "camunda-forms:";

    private final ModelFile file;
    private final BpmnModelInstance model;
    private final ModelCatalog catalog;
    private final List<ModelViolation> violations = new ArrayList<>();

    private BpmnConventions(ModelFile file, BpmnModelInstance model, ModelCatalog catalog) {
        this.file = file;
        this.model = model;
        this.catalog = catalog;
    }

    static List<ModelViolation> check(ModelFile file, BpmnModelInstance model, ModelCatalog catalog) {
        BpmnConventions conventions = new BpmnConventions(file, model, catalog);
        conventions.checkProcesses();
        conventions.checkMeaningfulIds();
        conventions.checkUserTasks();
        conventions.checkReferences();
        return conventions.violations;
    }

    static List<Process> executableProcesses(BpmnModelInstance model) {
        return model.getModelElementsByType(Process.class).stream()
                .filter(Process::isExecutable)
                .toList();
    }

    private void checkProcesses() {
        if (!ModelIds.isKebabCase(file.baseName())) {
            violations.add(ModelViolation.ofFile(
                    file,
                    "file name is not kebab-case (lower-case words joined by hyphens, e.g. free-qualification.bpmn)"));
        }
        List<Process> executable = executableProcesses(model);
        if (executable.isEmpty()) {
            violations.add(
                    ModelViolation.ofFile(file, "no executable process (isExecutable=\"true\"): nothing to deploy"));
        }
        boolean oneNamedLikeFile = executable.stream().anyMatch(p -> p.getId().equals(file.baseName()));
        for (Process process : executable) {
            checkProcessId(process, executable.size(), oneNamedLikeFile);
            if (isBlank(process.getCamundaHistoryTimeToLiveString())) {
                report(process, "no camunda:historyTimeToLive");
            }
        }
        if (executable.size() > 1 && !oneNamedLikeFile) {
            violations.add(ModelViolation.ofFile(
                    file, "no executable process has the file name \"" + file.baseName() + "\" as id"));
        }
    }

    private void checkProcessId(Process process, int executableCount, boolean oneNamedLikeFile) {
        String id = process.getId();
        if (id.equals(file.baseName())) {
            return;
        }
        if (isModelerDefault(id)) {
            report(process, "Modeler default id: the process id must be the file name \"" + file.baseName() + "\"");
        } else if (executableCount == 1) {
            report(
                    process,
                    "process id must equal the file name \"" + file.baseName() + "\" (or rename the file to " + id
                            + ".bpmn)");
        } else if (oneNamedLikeFile) {
            report(process, "one executable process per file: move it to bpmn/" + id + ".bpmn");
        }
    }

    /** Flow nodes, conditional and default flows, messages, errors, signals and escalations are what code, tests and logs name. */
    private void checkMeaningfulIds() {
        List<BaseElement> named = new ArrayList<>();
        named.addAll(model.getModelElementsByType(FlowNode.class));
        model.getModelElementsByType(SequenceFlow.class).stream()
                .filter(this::isReferenced)
                .forEach(named::add);
        named.addAll(model.getModelElementsByType(Message.class));
        named.addAll(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Error.class));
        named.addAll(model.getModelElementsByType(Signal.class));
        named.addAll(model.getModelElementsByType(Escalation.class));
        named.addAll(nonExecutableProcesses());
        for (BaseElement element : named) {
            if (isModelerDefault(element.getId())) {
                report(element, "Modeler default id: rename it to a meaningful " + examplePrefix(element) + "… id");
            }
        }
    }

    private boolean isReferenced(SequenceFlow flow) {
        return flow.getConditionExpression() != null
                || Objects.equals(flow.getSource().getAttributeValue("default"), flow.getId());
    }

    private Collection<Process> nonExecutableProcesses() {
        return model.getModelElementsByType(Process.class).stream()
                .filter(p -> !p.isExecutable())
                .toList();
    }

    private void checkUserTasks() {
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (isBlank(task.getCamundaFormRef()) && isBlank(task.getCamundaFormKey())) {
                report(task, "no form (camunda:formRef or camunda:formKey)");
            }
            if (isBlank(task.getCamundaCandidateGroups()) && isBlank(task.getCamundaAssignee())) {
                report(task, "no group (camunda:candidateGroups or camunda:assignee)");
            }
            if (isBlank(task.getCamundaDueDate())) {
                report(task, "no camunda:dueDate");
            }
        }
    }

    private void checkReferences() {
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            checkFormReference(task, task.getCamundaFormRef(), task.getCamundaFormKey());
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            checkFormReference(start, start.getCamundaFormRef(), start.getCamundaFormKey());
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            String called = call.getCalledElement();
            if (!isBlank(called) && isLiteral(called) && !catalog.hasProcess(called)) {
                report(call, "calledElement \"" + called + "\" names no process in bpmn/");
            }
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            String decision = task.getCamundaDecisionRef();
            if (!isBlank(decision) && isLiteral(decision) && !catalog.hasDecision(decision)) {
                report(task, "camunda:decisionRef \"" + decision + "\" names no decision in dmn/");
            }
        }
    }

    private void checkFormReference(FlowNode node, String formRef, String formKey) {
        if (!isBlank(formRef) && isLiteral(formRef) && !catalog.hasForm(formRef)) {
            report(node, "camunda:formRef \"" + formRef + "\" names no form in forms/");
        }
        // camunda-forms:deployment:forms/x.form and camunda-forms:app:forms/x.form name a form file
        if (!isBlank(formKey) && formKey.startsWith(FORMS_PREFIX) && isLiteral(formKey)) {
            String fileName = formKey.substring(formKey.lastIndexOf(formKey.contains("/") ? '/' : ':') + 1);
            if (!catalog.hasFormFile(fileName)) {
                report(node, "camunda:formKey \"" + formKey + "\" names no form in forms/");
            }
        }
    }

    private void report(BaseElement element, String problem) {
        violations.add(ModelViolation.of(
                file, element.getId(), element.getElementType().getTypeName(), problem));
    }

    private static String examplePrefix(BaseElement element) {
        String type = element.getElementType().getTypeName();
        if (type.endsWith("Task") || type.equals("task")) {
            return "Task_";
        }
        if (type.endsWith("Gateway")) {
            return "Gateway_";
        }
        if (type.equals("startEvent") || type.equals("endEvent") || type.equals("boundaryEvent")) {
            return Character.toUpperCase(type.charAt(0)) + type.substring(1) + "_";
        }
        if (type.endsWith("Event")) {
            return "Event_";
        }
        if (type.equals("sequenceFlow")) {
            return "Flow_";
        }
        return Character.toUpperCase(type.charAt(0)) + type.substring(1) + "_";
    }
}
