package fr.aptic.qualification.security;

import fr.aptic.qualification.web.FieldError;
import java.lang.reflect.Method;
import java.util.List;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.el.ElProviderCompatible;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.ExpressionManager;

/**
 * The last line: whatever surface a query came through, the engine asks its expression manager for each of the
 * query's expressions just before it evaluates them ({@code AbstractQuery.evaluateExpressions}). An expression
 * asked for by a query that is not an allowed form is refused there, before it is parsed into anything that
 * runs. Expressions of the models are passed through untouched (they are checked when deployed).
 */
final class GuardedExpressionManager implements ExpressionManager, ElProviderCompatible {

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final ExpressionManager delegate;

    GuardedExpressionManager(ExpressionManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public Expression createExpression(String expression) {
        if (AbstractQuery.class.isAssignableFrom(STACK.getCallerClass())) {
            QueryExpressions.refusal(expression).ifPresent(why -> {
                throw new RefusedExpressionException(List.of(FieldError.of("expression", why)));
            });
        }
        return delegate.createExpression(expression);
    }

    @Override
    public void addFunction(String name, Method function) {
        delegate.addFunction(name, function);
    }

    @Override
    public ElProvider toElProvider() {
        if (delegate instanceof ElProviderCompatible compatible) {
            return compatible.toElProvider();
        }
        throw new UnsupportedOperationException("The engine's expression manager offers no DMN EL provider");
    }

    ExpressionManager delegate() {
        return delegate;
    }
}
