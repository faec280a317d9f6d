package fr.aptic.qualification.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every decision of every model in {@code dmn/} (and of this package's test models) gives the same results, failures and history events on the
 * fast engine as on Camunda's stock one, for values drawn from the model itself (see {@link ModelValuePools}).
 * A rule process owners add is covered without a new test.
 */
class ProjectModelsEquivalenceTest {

    private static final List<Path> MODEL_FOLDERS =
            List.of(Path.of("dmn"), Path.of("src/test/resources/feel"), Path.of("src/test/resources/bench"));
    private static final int DRAWS = 300;

    static Stream<Path> models() throws IOException {
        List<Path> models = new ArrayList<>();
        for (Path folder : MODEL_FOLDERS) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    files.filter(f -> f.toString().endsWith(".dmn")).sorted().forEach(models::add);
                }
            }
        }
        return models.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void evaluatesEveryDecisionOfTheModelAsStock(Path model) throws IOException {
        assumeTrue(Files.isRegularFile(model));
        DmnModelInstance instance = Dmn.readModelFromFile(model.toFile());
        ModelValuePools values = new ModelValuePools(instance);
        Recorder stock = new Recorder(
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
        Recorder fast = new Recorder(FastFeel.dmnEngineConfiguration());
        List<DmnDecision> stockDecisions = stock.parse(model);
        List<DmnDecision> fastDecisions = fast.parse(model);
        SplittableRandom random =
                new SplittableRandom(model.getFileName().toString().hashCode());
        List<String> mismatches = new ArrayList<>();

        for (int i = 0; i < DRAWS; i++) {
            VariableMap variables = values.draw(random);
            for (int d = 0; d < stockDecisions.size(); d++) {
                String expected = stock.evaluate(stockDecisions.get(d), variables);
                String actual = fast.evaluate(fastDecisions.get(d), variables);
                if (!actual.equals(expected) && mismatches.size() < 5) {
                    mismatches.add(stockDecisions.get(d).getKey() + " with " + variables + "\nstock: " + expected
                            + "\nfast:  " + actual);
                }
            }
        }

        assertThat(mismatches)
                .as("decisions of %s reading %s", model, values.variableNames())
                .isEmpty();
    }

    /** An engine, and what its listener saw of the last evaluation. */
    private static final class Recorder {

        private final DmnEngine engine;
        private final List<DmnDecisionEvaluationEvent> events = new ArrayList<>();

        Recorder(DefaultDmnEngineConfiguration configuration) {
            configuration.customPostDecisionEvaluationListeners(List.of(events::add));
            engine = configuration.buildEngine();
        }

        List<DmnDecision> parse(Path model) throws IOException {
            try (InputStream in = Files.newInputStream(model)) {
                return engine.parseDecisions(in);
            }
        }

        String evaluate(DmnDecision decision, VariableMap variables) {
            events.clear();
            String outcome = outcome(() -> DecisionRendering.result(engine.evaluateDecision(decision, variables)));
            return outcome + "\n"
                    + events.stream().map(DecisionRendering::event).toList();
        }

        private static String outcome(Supplier<String> evaluation) {
            try {
                return evaluation.get();
            } catch (RuntimeException e) {
                return "failed " + e.getClass().getName() + ": " + e.getMessage();
            }
        }
    }
}
