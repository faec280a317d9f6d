package fr.aptic.qualification.decisions;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;

/** Creates {@link FastFeelEngine}s: stock full FEEL, parsed expressions cached. */
public class FastFeelEngineFactory implements FeelEngineFactory {

    /** Distinct expression texts kept per kind (expressions, unary tests); far above any model set. */
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    private final Supplier<List<FeelCustomFunctionProvider>> functionProviders;
    private final int cacheSize;

    public FastFeelEngineFactory() {
        this(List.of());
    }

    public FastFeelEngineFactory(List<FeelCustomFunctionProvider> functionProviders) {
        this(() -> functionProviders, DEFAULT_CACHE_SIZE);
    }

    /**
     * A factory reading the custom function providers only when the engine is created, so that providers
     * registered after the factory (the process engine sets them late in its init) are still used.
     */
    public FastFeelEngineFactory(Supplier<List<FeelCustomFunctionProvider>> functionProviders, int cacheSize) {
        this.functionProviders = functionProviders;
        this.cacheSize = cacheSize;
    }

    @Override
    public FeelEngine createInstance() {
        return new FastFeelEngine(functionProviders.get(), cacheSize);
    }
}
