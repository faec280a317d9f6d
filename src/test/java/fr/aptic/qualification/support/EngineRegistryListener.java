package fr.aptic.qualification.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Makes the engine of the running test's Spring context the one Camunda's static registry answers for
 * "default". The engine REST API looks its engine up there, and a test JVM holds several cached contexts
 * (H2, PostgreSQL…) whose engines all bear that name: without this, a request could reach another
 * context's engine and database.
 */
public class EngineRegistryListener extends AbstractTestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext
                .getApplicationContext()
                .getBeanProvider(ProcessEngine.class)
                .ifAvailable(ProcessEngines::registerProcessEngine);
    }
}
