package fr.aptic.qualification.system.feel;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
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

    /** A default DMN engine configuration using the fast FEEL engine. */
    public static DefaultDmnEngineConfiguration dmnEngineConfiguration() {
        return configure((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
    }

    /** A standalone DMN engine (same defaults as Camunda's) using the fast FEEL engine. */
    public static DmnEngine dmnEngine() {
        return dmnEngineConfiguration().buildEngine();
    }
}
