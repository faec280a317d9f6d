package fr.aptic.qualification.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunction;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With {@link FastFeelEnginePlugin}, the process engine's decisions run on the fast FEEL engine, keep custom
 * FEEL functions, and leave the same results and decision history as without it.
 */
class FastFeelEnginePluginTest {

    private final List<ProcessEngine> engines = new ArrayList<>();

    @AfterEach
    void closeEngines() {
        engines.forEach(ProcessEngine::close);
    }

    @Test
    void processEngineEvaluatesDecisionsWithTheFastFeelEngine() {
        ProcessEngineConfigurationImpl configuration = configuration(engine("with-plugin", true));

        assertThat(configuration.getDmnEngineConfiguration()).isInstanceOf(FastDmnEngineConfiguration.class);
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(FastFeelEngine.class);
        assertThat(configuration.getDmnEngine()).isInstanceOf(FastDmnEngine.class);
    }

    @Test
    void keepsCustomFeelFunctionsRegisteredOnTheProcessEngine() {
        ProcessEngine engine = engine("custom-function", true);

        Object doubled = engine.getDecisionService()
                .evaluateDecisionByKey("feel-custom-function")
                .variables(Variables.createVariables().putValue("amount", 20))
                .evaluate()
                .getSingleEntry();

        assertThat(doubled).isEqualTo(41);
    }

    @Test
    void leavesTheSameResultsAndHistoryAsTheStockEngine() {
        ProcessEngine fast = engine("fast-history", true);
        ProcessEngine stock = engine("stock-history", false);
        assertThat(configuration(stock).getDmnEngineConfiguration().getFeelEngine())
                .isExactlyInstanceOf(ScalaFeelEngine.class);
        List<VariableMap> cases = List.of(
                Variables.createVariables()
                        .putValue("siretValid", true)
                        .putValue("applicationDate", "2022-01-01")
                        .putValue("placesInFrance", 2)
                        .putValue("services", List.of("a"))
                        .putValue("hours", 25)
                        .putValue("volunteers", 3)
                        .putValue("supervised", 3)
                        .putValue("structureName", "Mairie"),
                Variables.createVariables()
                        .putValue("siretValid", false)
                        .putValue("applicationDate", "2020-01-01")
                        .putValue("placesInFrance", 4)
                        .putValue("hours", 3)
                        .putValue("volunteers", 0)
                        .putValue("supervised", 0)
                        .putValue("structureName", "Association Y"));

        for (VariableMap variables : cases) {
            Object fastResult = fast.getDecisionService()
                    .evaluateDecisionByKey("feel-features")
                    .variables(variables)
                    .evaluate()
                    .getResultList();
            Object stockResult = stock.getDecisionService()
                    .evaluateDecisionByKey("feel-features")
                    .variables(variables)
                    .evaluate()
                    .getResultList();
            assertThat(fastResult).isEqualTo(stockResult);
        }

        assertThat(history(fast)).isNotEmpty().isEqualTo(history(stock));
    }

    private ProcessEngine engine(String name, boolean withPlugin) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                        .setProcessEngineName(name)
                        .setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
                        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
                        .setJobExecutorActivate(false)
                        .setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setDmnFeelCustomFunctionProviders(List.of(new TwiceFunction()));
        if (withPlugin) {
            configuration.getProcessEnginePlugins().add(new FastFeelEnginePlugin());
        }
        ProcessEngine engine = configuration.buildProcessEngine();
        engines.add(engine);
        engine.getRepositoryService()
                .createDeployment()
                .addClasspathResource("feel/feel-features.dmn")
                .addClasspathResource("feel/feel-custom-function.dmn")
                .deploy();
        return engine;
    }

    private static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    // what an operator would read in Cockpit's decision history: key, inputs and outputs of each instance
    private static List<String> history(ProcessEngine engine) {
        return engine
                .getHistoryService()
                .createHistoricDecisionInstanceQuery()
                .includeInputs()
                .includeOutputs()
                .list()
                .stream()
                .map(FastFeelEnginePluginTest::describe)
                .sorted()
                .toList();
    }

    private static String describe(HistoricDecisionInstance instance) {
        String inputs = instance.getInputs().stream()
                .map(input -> input.getClauseName() + "=" + input.getValue() + ":" + input.getTypeName())
                .sorted()
                .collect(Collectors.joining(", "));
        String outputs = instance.getOutputs().stream()
                .map(output -> output.getRuleId() + "/" + output.getVariableName() + "=" + output.getValue() + ":"
                        + output.getTypeName())
                .sorted()
                .collect(Collectors.joining(", "));
        return instance.getDecisionDefinitionKey() + " [" + inputs + "] -> [" + outputs + "] collect="
                + instance.getCollectResultValue();
    }

    /** A custom FEEL function, {@code twice(x)}. */
    private static final class TwiceFunction implements FeelCustomFunctionProvider {

        @Override
        public Optional<CustomFunction> resolveFunction(String functionName) {
            if (!functionName.equals("twice")) {
                return Optional.empty();
            }
            return Optional.of(CustomFunction.create()
                    .setParams("x")
                    .setFunction(args -> ((Number) args.get(0)).longValue() * 2)
                    .build());
        }

        @Override
        public Collection<String> getFunctionNames() {
            return List.of("twice");
        }
    }
}
