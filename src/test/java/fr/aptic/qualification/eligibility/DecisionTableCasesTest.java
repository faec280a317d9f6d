package fr.aptic.qualification.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the cases process owners write in {@code dmn/tests/<decision>.csv} (see the README there): one test per row,
 * then a check that every rule of every table fires in at least one case.
 */
class DecisionTableCasesTest {

    private static final Path CASES = DecisionModels.DIRECTORY.resolve("tests");

    private final Set<String> firedRules = ConcurrentHashMap.newKeySet();

    @TestFactory
    Stream<DynamicTest> casesWrittenByProcessOwners() throws IOException {
        DmnEngine engine = DecisionEngines.configuration()
                .customPostDecisionEvaluationListeners(List.of(this::recordFiredRules))
                .buildEngine();
        DecisionModels models = DecisionModels.load(engine);
        List<Path> files;
        try (Stream<Path> listing = Files.list(CASES)) {
            files = listing.filter(file -> file.toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        }
        // the stream is lazy: the coverage check runs after every case has run
        Stream<DynamicTest> cases = files.stream().flatMap(file -> casesOf(file, models, engine));
        DynamicTest coverage = dynamicTest("every rule fires in at least one case", () -> assertEveryRuleFired(models));
        return Stream.concat(cases, Stream.of(coverage));
    }

    private Stream<DynamicTest> casesOf(Path file, DecisionModels models, DmnEngine engine) {
        DecisionCases cases;
        try {
            cases = DecisionCases.read(file, models);
        } catch (IllegalArgumentException e) {
            return Stream.of(dynamicTest(file.getFileName().toString(), () -> fail(e.getMessage())));
        }
        return cases.rows().stream()
                .map(row -> dynamicTest(cases.testName(row), () -> run(cases, row, models, engine)));
    }

    private static void run(DecisionCases cases, CsvTable.Row row, DecisionModels models, DmnEngine engine) {
        String where = cases.location(row);
        Map<String, Object> variables;
        DmnDecisionResult result;
        try {
            variables = cases.variables(row);
            result = engine.evaluateDecision(models.decision(cases.decisionKey()), variables);
        } catch (RuntimeException e) {
            throw new AssertionError(where + "\n  " + e.getMessage(), e);
        }
        List<String> differences = cases.differences(row, result);
        if (!differences.isEmpty()) {
            fail(where + "\n  " + String.join("\n  ", differences) + "\n  with inputs " + variables);
        }
    }

    private void recordFiredRules(DmnDecisionEvaluationEvent event) {
        Stream.concat(Stream.of(event.getDecisionResult()), event.getRequiredDecisionResults().stream())
                .filter(DmnDecisionTableEvaluationEvent.class::isInstance)
                .map(DmnDecisionTableEvaluationEvent.class::cast)
                .forEach(table -> table.getMatchingRules()
                        .forEach(rule ->
                                firedRules.add(ruleName(table.getDecision().getKey(), rule.getId()))));
    }

    private void assertEveryRuleFired(DecisionModels models) {
        Set<String> neverFired = new TreeSet<>();
        for (Decision decision : models.all()) {
            if (decision.getExpression() instanceof DecisionTable table) {
                table.getRules().stream()
                        .map(rule -> ruleName(decision.getId(), rule.getId()))
                        .filter(rule -> !firedRules.contains(rule))
                        .map(rule -> rule + " (" + models.fileOf(decision.getId()) + ")")
                        .forEach(neverFired::add);
            }
        }
        assertThat(neverFired)
                .as("rules that no case in %s/ fires: add a row that needs each of them", CASES)
                .isEmpty();
    }

    private static String ruleName(String decisionKey, String ruleId) {
        return decisionKey + "/" + ruleId;
    }
}
