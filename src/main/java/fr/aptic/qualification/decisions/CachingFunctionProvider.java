package fr.aptic.qualification.decisions;

import camundajar.impl.scala.collection.Iterable;
import camundajar.impl.scala.collection.immutable.List;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.syntaxtree.ValFunction;

/**
 * Remembers the functions found for each name in a fixed set of function providers.
 *
 * <p>The built-in functions and Camunda's custom-function providers are fixed once the engine is built,
 * but the custom providers wrap their functions anew on every lookup. Thread-safe; bounded by the
 * number of distinct names in the cached expressions.
 */
final class CachingFunctionProvider implements FunctionProvider {

    private final FunctionProvider provider;
    private final int maximumSize;
    private final ConcurrentHashMap<String, List<ValFunction>> functions = new ConcurrentHashMap<>();

    CachingFunctionProvider(FunctionProvider provider, int maximumSize) {
        this.provider = provider;
        this.maximumSize = maximumSize;
    }

    @Override
    public List<ValFunction> getFunctions(String name) {
        List<ValFunction> found = functions.get(name);
        if (found == null) {
            found = provider.getFunctions(name);
            if (functions.size() < maximumSize) {
                functions.putIfAbsent(name, found);
            }
        }
        return found;
    }

    @Override
    public Iterable<String> functionNames() {
        return provider.functionNames();
    }

    @Override
    public camundajar.impl.scala.collection.immutable.Map<String, List<ValFunction>> getFunctions() {
        return provider.getFunctions();
    }
}
