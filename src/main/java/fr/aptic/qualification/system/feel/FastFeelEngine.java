package fr.aptic.qualification.system.feel;

import camundajar.impl.scala.runtime.BoxesRunTime;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;

/**
 * Camunda's full FEEL engine (feel-scala) that parses each expression and unary test once.
 *
 * <p>It extends Camunda's {@link ScalaFeelEngine} so that value mappers (Java, Spin), custom function
 * providers and engine options are built exactly as stock; only evaluation differs: the parse result is
 * taken from a cache instead of parsing the text on every call.
 */
public class FastFeelEngine extends ScalaFeelEngine {

    private final ParsedExpressionCache expressions;
    private final ParsedExpressionCache unaryTests;

    public FastFeelEngine(List<FeelCustomFunctionProvider> functionProviders, int cacheSize) {
        super(functionProviders);
        expressions = new ParsedExpressionCache(cacheSize, feelEngine::parseExpression);
        unaryTests = new ParsedExpressionCache(cacheSize, feelEngine::parseUnaryTests);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        return (T) evaluate(expressions.get(expression), new ContextVariableWrapper(variableContext));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        Object result = evaluate(unaryTests.get(expression), new UnaryTestsVariables(inputVariable, variableContext));
        return BoxesRunTime.unboxToBoolean(result);
    }

    private Object evaluate(ParsedExpressionCache.Parsed parsed, VariableProvider variables) {
        if (parsed.failure() != null) {
            throw LOGGER.evaluationException(parsed.failure());
        }
        EvaluationResult result = feelEngine.evaluate(parsed.expression(), new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        });
        if (result.isSuccess()) {
            return result.result();
        }
        throw LOGGER.evaluationException(result.failure().message());
    }
}
