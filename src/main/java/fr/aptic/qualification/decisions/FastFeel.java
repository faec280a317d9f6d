package fr.aptic.qualification.decisions;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/** Entry points to fast full-FEEL DMN evaluation without Spring: plain decision tests, tools, benchmarks. */
public final class FastFeel {

    private FastFeel() {}

    /**
     * Makes {@code configuration} use the fast FEEL engine; call before the DMN engine is built. Custom
     * function providers set on the configuration, before or after this call, are kept.
     */
    public static DefaultDmnEngineConfiguration configure(DefaultDmnEngineConfiguration configuration) {
        configuration.setFeelEngineFactory(new FastFeelEngineFactory(
                configuration::getFeelCustomFunctionProviders, FastFeelEngineFactory.DEFAULT_CACHE_SIZE));
        return configuration;
    }

    /** A DMN engine configuration with Camunda's defaults, the fast FEEL engine and the leaner evaluation. */
    public static DefaultDmnEngineConfiguration dmnEngineConfiguration() {
        return configure(new FastDmnEngineConfiguration());
    }

    /** A standalone DMN engine with Camunda's defaults, the fast FEEL engine and the leaner evaluation. */
    public static DmnEngine dmnEngine() {
        return dmnEngineConfiguration().buildEngine();
    }
}
