package fr.aptic.qualification.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The last line holds where the command check does not look: a query run inside another command (no command of
 * its own, so no check before it) is still refused by the engine's expression manager, and the allowed forms
 * still evaluate there.
 */
class GuardedExpressionManagerTest {

    private ProcessEngine engine;
    private ProcessEngineConfigurationImpl configuration;

    @BeforeEach
    void engine() {
        configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                        .setJdbcUrl("jdbc:h2:mem:guard-" + System.nanoTime())
                        .setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(new QueryExpressionPlugin()));
        engine = configuration.buildProcessEngine();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void refusesAHostileOrQueryEvaluatedInsideAnotherCommand() {
        assertThat(configuration.getExpressionManager()).isInstanceOf(GuardedExpressionManager.class);

        assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> {
                    TaskQueryImpl query = new TaskQueryImpl();
                    query.or()
                            .taskAssigneeExpression("${dateTime().toString()}")
                            .endOr();
                    return query.list();
                }))
                .hasRootCauseInstanceOf(RefusedExpressionException.class);
    }

    @Test
    void evaluatesTheAllowedFormsInsideAnotherCommand() {
        List<?> tasks = configuration.getCommandExecutorTxRequired().execute(context -> {
            TaskQueryImpl query = new TaskQueryImpl();
            query.or().dueBeforeExpression("${dateTime().plusDays(1).toDate()}").endOr();
            return query.list();
        });

        assertThat(tasks).isEmpty();
    }
}
