package fr.aptic.qualification.eligibility;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/** Builds the DMN engines that decision tests evaluate with: the one place that says how they are configured. */
public final class DecisionEngines {

    private DecisionEngines() {}

    /** A DMN engine as Camunda configures it by default: FEEL (feel-scala) for every expression. */
    public static DmnEngine create() {
        return configuration().buildEngine();
    }

    /** The configuration behind {@link #create()}, for tests that add evaluation listeners before building. */
    public static DefaultDmnEngineConfiguration configuration() {
        return (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    }
}
