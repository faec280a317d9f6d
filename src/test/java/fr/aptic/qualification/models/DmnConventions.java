package fr.aptic.qualification.models;

import static fr.aptic.qualification.models.ModelIds.isBlank;
import static fr.aptic.qualification.models.ModelIds.isKebabCase;
import static fr.aptic.qualification.models.ModelIds.isModelerDefault;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;

/**
 * The conventions of one DMN file: kebab-case decision ids (the file's main decision named like the file),
 * history time to live, and a typed, named decision table.
 *
 * <p>Input, output and rule ids are not checked: Camunda Modeler's table editor cannot change them, and nothing
 * refers to them (code and processes read outputs by name).
 */
final class DmnConventions {

    private final ModelFile file;
    private final DmnModelInstance model;
    private final List<ModelViolation> violations = new ArrayList<>();

    private DmnConventions(ModelFile file, DmnModelInstance model) {
        this.file = file;
        this.model = model;
    }

    static List<ModelViolation> check(ModelFile file, DmnModelInstance model) {
        DmnConventions conventions = new DmnConventions(file, model);
        conventions.checkDecisions();
        return conventions.violations;
    }

    private void checkDecisions() {
        if (!isKebabCase(file.baseName())) {
            violations.add(ModelViolation.ofFile(
                    file, "file name is not kebab-case (lower-case words joined by hyphens, e.g. hub-routing.dmn)"));
        }
        List<Decision> decisions = List.copyOf(model.getModelElementsByType(Decision.class));
        if (decisions.isEmpty()) {
            violations.add(ModelViolation.ofFile(file, "no decision"));
        }
        for (Decision decision : decisions) {
            checkDecisionId(decision, decisions.size());
            if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
                report(decision, "no camunda:historyTimeToLive");
            }
            if (decision.getExpression() instanceof DecisionTable table) {
                checkTable(table);
            }
        }
        boolean oneNamedLikeFile = decisions.stream().anyMatch(d -> d.getId().equals(file.baseName()));
        if (decisions.size() > 1 && !oneNamedLikeFile) {
            violations.add(ModelViolation.ofFile(
                    file, "no decision has the file name \"" + file.baseName() + "\" as id (decision id = file name)"));
        }
    }

    private void checkDecisionId(Decision decision, int decisionCount) {
        String id = decision.getId();
        if (id.equals(file.baseName())) {
            return;
        }
        if (isModelerDefault(id)) {
            report(
                    decision,
                    "Modeler default id: decision ids are kebab-case, the main one equal to the file name \""
                            + file.baseName() + "\"");
        } else if (decisionCount == 1) {
            report(
                    decision,
                    "decision id must equal the file name \"" + file.baseName() + "\" (or rename the file to " + id
                            + ".dmn)");
        } else if (!isKebabCase(id)) {
            report(decision, "decision id is not kebab-case (e.g. eligibility-score)");
        }
    }

    private void checkTable(DecisionTable table) {
        for (Input input : table.getInputs()) {
            if (input.getInputExpression() == null
                    || isBlank(input.getInputExpression().getTypeRef())) {
                report(input, "input expression without typeRef");
            }
        }
        for (Output output : table.getOutputs()) {
            if (isBlank(output.getTypeRef())) {
                report(output, "output without typeRef");
            }
            if (isBlank(output.getName())) {
                report(output, "output without name (the variable it feeds)");
            }
        }
    }

    private void report(DmnElement element, String problem) {
        violations.add(ModelViolation.of(
                file, element.getId(), element.getElementType().getTypeName(), problem));
    }
}
