package fr.aptic.qualification.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.CamundaBpmAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Spring Boot's Camunda starter applies {@link FastFeelEnginePlugin} to the engine it builds. */
class FastFeelSpringWiringTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    TransactionAutoConfiguration.class,
                    CamundaBpmAutoConfiguration.class))
            .withUserConfiguration(FastFeelEnginePlugin.class)
            .withPropertyValues(
                    "spring.datasource.url=jdbc:h2:mem:fast-feel-wiring;DB_CLOSE_DELAY=-1",
                    "camunda.bpm.generate-unique-process-engine-name=true",
                    "camunda.bpm.job-execution.enabled=false");

    @Test
    void starterBuildsTheProcessEngineWithTheFastFeelEngine() {
        context.run(spring -> {
            ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                    spring.getBean(ProcessEngine.class).getProcessEngineConfiguration();

            assertThat(configuration.getDmnEngineConfiguration().getFeelEngine())
                    .isInstanceOf(FastFeelEngine.class);
            assertThat(configuration.getDmnEngine()).isInstanceOf(FastDmnEngine.class);
        });
    }
}
