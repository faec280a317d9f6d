package fr.aptic.qualification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.support.Samples;
import java.io.InputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Instances of earlier model versions keep running with the current code: a free application started on the
 * {@code free-qualification} of 2026-12-02 (a service task, {@code ServiceTask_OpenReview}, before the review
 * task) goes under review with its group's grant, as one on the current version does. A database of its own: the
 * old version is deployed as the latest. The old model is kept as {@code .xml}, which no deployer picks up by
 * itself (the starter deploys every {@code .bpmn} on the classpath where our deployment is not configured).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "aptic.test.database=previous-model-versions")
class PreviousModelVersionsTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    ApplicationService applications;

    @Autowired
    ApplicationRepository repository;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void anApplicationOnTheFreeQualificationOf20261202GoesUnderReview() throws Exception {
        AbstractAssertions.init(engine);
        Deployment previous;
        try (InputStream model = getClass().getResourceAsStream("/models-2026-12-02/free-qualification.xml")) {
            previous = engine.getRepositoryService()
                    .createDeployment()
                    .name("free-qualification of 2026-12-02")
                    .addInputStream("free-qualification.bpmn", model)
                    .deploy();
        }
        assertThat(engine.getRepositoryService()
                        .createProcessDefinitionQuery()
                        .deploymentId(previous.getId())
                        .singleResult()
                        .getKey())
                .isEqualTo(FreeQualificationProcess.KEY);

        ApplicationService.Submitted submitted = applications.store(
                objectMapper.convertValue(Samples.application(), ApplicationRequest.class),
                ApplicationService.Origin.free());
        ProcessInstance instance = applications.start(submitted.applicationId(), ApplicationService.Origin.free());

        assertThat(instance).hasPassed("ServiceTask_OpenReview").isWaitingAt("Task_ReviewApplication");
        assertThat(repository.findById(submitted.applicationId()).orElseThrow().status())
                .isEqualTo(ApplicationStatus.UNDER_REVIEW);
        assertThat(engine.getAuthorizationService()
                        .createAuthorizationQuery()
                        .groupIdIn("hub-corse")
                        .resourceType(Resources.PROCESS_INSTANCE)
                        .resourceId(instance.getId())
                        .count())
                .isEqualTo(1);
    }
}
