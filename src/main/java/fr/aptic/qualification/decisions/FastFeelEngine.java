package fr.aptic.qualification.decisions;

import camundajar.impl.scala.collection.immutable.List;
import camundajar.impl.scala.jdk.javaapi.CollectionConverters;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.control.NonFatal$;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.FunctionProvider.CompositeFunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.impl.interpreter.EvaluationFailureCollector;
import org.camunda.feel.impl.interpreter.FeelInterpreter;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValFatalError;
import org.camunda.feel.valuemapper.ValueMapper;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's full FEEL engine (feel-scala) that parses each expression and unary test once and takes
 * shortcuts on the simplest ones.
 *
 * <p>It extends Camunda's {@link ScalaFeelEngine}, so value mappers (Java, Spin), custom function providers
 * and engine options are built exactly as stock, and parsing and validation are the stock engine's. Only
 * evaluation differs: the parse result comes from a cache; a {@link FastPath} answers literals, names and
 * simple tests on common value types; everything else goes straight to feel-scala's interpreter with the
 * context {@code FeelEngine.evaluate} would build, minus what costs and changes nothing: validating the tree
 * again, merging contexts, the value mapper's control exceptions, re-wrapping custom functions on every
 * call. Results and failure messages are the stock ones.
 */
public class FastFeelEngine extends ScalaFeelEngine {

    private static final Logger log = LoggerFactory.getLogger(FastFeelEngine.class);

    private final ParsedExpressionCache expressions;
    private final ParsedExpressionCache unaryTests;
    private final ValueMapper valueMapper;
    private final FeelInterpreter interpreter;
    private final FunctionProvider functions;

    public FastFeelEngine(java.util.List<FeelCustomFunctionProvider> functionProviders, int cacheSize) {
        super(functionProviders);
        valueMapper = feelEngine.valueMapper() instanceof CompositeValueMapper composite
                ? new LoopingValueMapper(composite)
                : feelEngine.valueMapper();
        interpreter = new FeelInterpreter(valueMapper);
        // as FeelEngine's root context: built-in functions first, then the custom ones
        BuiltinFunctions builtins = new BuiltinFunctions(feelEngine.clock(), valueMapper);
        functions = new CachingFunctionProvider(
                new CompositeFunctionProvider(CollectionConverters.asScala(
                                java.util.List.of((FunctionProvider) builtins, feelEngine.functionProvider()))
                        .toList()),
                cacheSize);
        FastPaths fastPaths = new FastPaths(exp -> valueMapper.unpackVal(evaluateLiteral(exp)), valueMapper::unpackVal);
        boolean shortcuts = valueMapper instanceof LoopingValueMapper looping && looping.isDefault();
        if (!shortcuts) {
            log.info("FEEL shortcuts off: value mappers {} are not the default ones", valueMapper);
        }
        expressions = new ParsedExpressionCache(
                cacheSize, feelEngine::parseExpression, shortcuts ? fastPaths::expression : exp -> null);
        unaryTests = new ParsedExpressionCache(
                cacheSize, feelEngine::parseUnaryTests, shortcuts ? fastPaths::unaryTests : exp -> null);
    }

    // A literal evaluated once by the interpreter, for a shortcut to return.
    private Val evaluateLiteral(Exp exp) {
        return interpreter.eval(
                exp,
                new EvalContext(
                        valueMapper,
                        VariableProvider.EmptyVariableProvider$.MODULE$,
                        functions,
                        new EvaluationFailureCollector()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        return (T) evaluateExpression(expressions.get(expression), variableContext);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        return evaluateUnaryTests(unaryTests.get(expression), inputVariable, variableContext);
    }

    /** The parse result of an expression, for a caller that keeps it (see the decision table handler). */
    ParsedExpressionCache.Parsed parseExpression(String expression) {
        return expressions.get(expression);
    }

    /** The parse result of unary tests, for a caller that keeps it. */
    ParsedExpressionCache.Parsed parseUnaryTests(String unaryTests) {
        return this.unaryTests.get(unaryTests);
    }

    /** {@link #evaluateSimpleExpression} of a kept parse result. */
    Object evaluateExpression(ParsedExpressionCache.Parsed parsed, VariableContext variableContext) {
        Object result = shortcut(parsed, variableContext, null);
        if (result == FastPath.FALLBACK) {
            result = evaluate(parsed, new ContextVariables(variableContext));
        }
        return result;
    }

    /** {@link #evaluateSimpleUnaryTests} of a kept parse result. */
    boolean evaluateUnaryTests(
            ParsedExpressionCache.Parsed parsed, String inputVariable, VariableContext variableContext) {
        Object result = shortcut(parsed, variableContext, inputVariable);
        if (result == FastPath.FALLBACK) {
            result = evaluate(parsed, new UnaryTestsVariables(inputVariable, variableContext));
        }
        return BoxesRunTime.unboxToBoolean(result);
    }

    private static Object shortcut(
            ParsedExpressionCache.Parsed parsed, VariableContext variableContext, String inputVariable) {
        FastPath fastPath = parsed.fastPath();
        if (fastPath == null) {
            return FastPath.FALLBACK;
        }
        checkInterrupted();
        return fastPath.evaluate(variableContext, inputVariable);
    }

    /** What the interpreter does on every node: an interrupted thread stops with an InterruptedException. */
    static void checkInterrupted() {
        if (Thread.interrupted()) {
            throw FastFeelEngine.<RuntimeException>sneaky(new InterruptedException());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable throwable) throws T {
        throw (T) throwable;
    }

    /** How many distinct expression and unary-test texts are held parsed. */
    int cachedTexts() {
        return expressions.size() + unaryTests.size();
    }

    private Object evaluate(ParsedExpressionCache.Parsed parsed, VariableProvider variables) {
        if (parsed.failure() != null) {
            throw LOGGER.evaluationException(parsed.failure());
        }
        ParsedExpression expression = parsed.expression();
        EvalContext context = new EvalContext(valueMapper, variables, functions, new EvaluationFailureCollector());
        Val value;
        try {
            value = interpreter.eval(expression.expression(), context);
        } catch (Throwable failure) {
            if (!NonFatal$.MODULE$.apply(failure)) {
                throw failure;
            }
            // FeelEngine.evaluate's Try.recover (note the space before the colon)
            throw LOGGER.evaluationException("failed to evaluate expression '" + expression.text() + "' : " + failure);
        }
        return result(expression, value, context);
    }

    // FeelEngine.eval(ParsedExpression, EvalContext), same order of checks and same messages.
    private Object result(ParsedExpression expression, Val value, EvalContext context) {
        List<EvaluationFailure> failures = context.failureCollector().failures();
        while (!failures.isEmpty()) {
            EvaluationFailure failure = failures.head();
            if (failure.failureType() == EvaluationFailureType.ASSERT_FAILURE$.MODULE$) {
                throw LOGGER.evaluationException("Assertion failure on evaluate the expression '" + expression.text()
                        + "': " + failure.failureMessage());
            }
            failures = (List<EvaluationFailure>) failures.tail();
        }
        if (value instanceof ValError error) {
            throw LOGGER.evaluationException(
                    "failed to evaluate expression '" + expression.text() + "': " + error.error());
        }
        if (value instanceof ValFatalError error) {
            throw LOGGER.evaluationException(
                    "failed to evaluate expression '" + expression.text() + "': " + error.error());
        }
        try {
            return valueMapper.unpackVal(value);
        } catch (Throwable failure) {
            if (!NonFatal$.MODULE$.apply(failure)) {
                throw failure;
            }
            throw LOGGER.evaluationException("failed to evaluate expression '" + expression.text() + "' : " + failure);
        }
    }
}
