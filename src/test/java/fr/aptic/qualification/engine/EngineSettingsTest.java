package fr.aptic.qualification.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.history.LeanHistoryLevel;
import fr.aptic.qualification.security.NewTaskAuthorizationPlugin;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.spring.boot.starter.event.PublishDelegateParseListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The engine the application builds from {@code application.yaml}, as its speed and history depend on it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineSettingsTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void historyIsFullLeanTaskGrantsSkipLookupsAndEngineEventsAreNotRepublishedToSpring() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getHistoryLevel().getName()).isEqualTo(LeanHistoryLevel.NAME);
        assertThat(configuration.getResourceAuthorizationProvider().getClass().getEnclosingClass())
                .isEqualTo(NewTaskAuthorizationPlugin.class);
        // no parse listener adding a Spring-publishing listener to every element and task
        assertThat(configuration.getCustomPostBPMNParseListeners())
                .noneMatch(listener -> listener instanceof PublishDelegateParseListener);
        // history events go to the database only
        assertThat(configuration.getHistoryEventHandler())
                .isInstanceOfAny(DbHistoryEventHandler.class, CompositeHistoryEventHandler.class);
        if (configuration.getHistoryEventHandler() instanceof CompositeHistoryEventHandler) {
            assertThat(configuration.getCustomHistoryEventHandlers())
                    .allMatch(handler -> handler.getClass().getName().startsWith("org.camunda.bpm.engine"));
        }
    }
}
