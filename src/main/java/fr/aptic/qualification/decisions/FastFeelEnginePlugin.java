package fr.aptic.qualification.decisions;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the process engine's DMN engine evaluate FEEL with {@link FastFeelEngine}.
 *
 * <p>Spring Boot's Camunda starter applies every {@code ProcessEnginePlugin} bean; in-memory process
 * tests add {@code new FastFeelEnginePlugin()} to their configuration's plugins.
 */
@Component
public class FastFeelEnginePlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(FastFeelEnginePlugin.class);

    // preInit, because the engine builds its DMN engine (and the FEEL engine inside) during init.
    @Override
    public void preInit(ProcessEngineConfigurationImpl processEngineConfiguration) {
        if (processEngineConfiguration.isDmnFeelEnableLegacyBehavior()) {
            log.warn("DMN FEEL legacy behaviour is enabled: keeping the legacy FEEL engine");
            return;
        }
        DefaultDmnEngineConfiguration dmnConfiguration = processEngineConfiguration.getDmnEngineConfiguration();
        if (dmnConfiguration == null) {
            // Camunda's default configuration, leaner engine; the process engine then adds its history and
            // metrics listeners to it as it would to its own. One set beforehand keeps its class.
            dmnConfiguration = new FastDmnEngineConfiguration();
            processEngineConfiguration.setDmnEngineConfiguration(dmnConfiguration);
        }
        FastFeel.configure(dmnConfiguration);
        log.info("DMN decisions evaluate FEEL with cached parsed expressions");
    }
}
