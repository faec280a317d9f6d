package fr.aptic.qualification.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.Scenarios;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Health, readiness, info and metrics as operators and load balancers read them: anyone reads UP or DOWN, staff
 * read the rest; readiness waits for the engine, the models and the reference data; the engine's figures are
 * Prometheus metrics. Run on H2 and PostgreSQL.
 */
abstract class Actuator {

    @LocalServerPort
    int port;

    @Autowired
    EngineFigures figures;

    @Autowired
    ApplicationEventPublisher events;

    ApiClient api() {
        return new ApiClient(port);
    }

    @Test
    void anyoneReadsHealthStaffReadItsDetails() {
        ApiClient.Reply anonymous = api().get("/actuator/health").send();
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();

        assertThat(api().get("/actuator/health/liveness").send().status()).isEqualTo(200);
        ApiClient.Reply readiness = api().get("/actuator/health/readiness")
                .basic("national", "demo")
                .send();
        assertThat(readiness.status()).isEqualTo(200);
        JsonNode components = readiness.json().path("components");
        assertThat(components.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("readinessState", "db", "processEngine", "models", "referenceData");
        assertThat(components.path("models").path("status").asText()).isEqualTo("UP");
        assertThat(components
                        .path("referenceData")
                        .path("details")
                        .path("communes")
                        .asInt())
                .isGreaterThan(34_000);
        assertThat(components
                        .path("referenceData")
                        .path("details")
                        .path("communesSource")
                        .asText())
                .contains("@etalab/decoupage-administratif");

        ApiClient.Reply reviewer = api().get("/actuator/health")
                .basic(Scenarios.CORSE_REVIEWER, "demo")
                .send();
        assertThat(reviewer.json().has("components"))
                .as("a hub reviewer is not staff")
                .isFalse();
    }

    @Test
    void readinessAndTheAppRefuseTrafficTogetherWhileLivenessHolds() {
        events.publishEvent(new AvailabilityChangeEvent<>(this, ReadinessState.REFUSING_TRAFFIC));
        try {
            assertThat(api().get("/actuator/health/readiness").send().status()).isEqualTo(503);
            assertThat(api().get("/actuator/health/liveness").send().status()).isEqualTo(200);
            ApiClient.Reply places = api().get("/api/places").send();
            assertThat(places.status()).isEqualTo(503);
            assertThat(places.header("Retry-After")).contains("5");
        } finally {
            events.publishEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
        }
        assertThat(api().get("/actuator/health/readiness").send().status()).isEqualTo(200);
    }

    @Test
    void onlyStaffReadInfoAndMetrics() {
        for (String path : new String[] {"/actuator/info", "/actuator/prometheus", "/actuator/metrics"}) {
            assertThat(api().get(path).send().status()).as(path).isEqualTo(401);
            assertThat(api().get(path)
                            .basic(Scenarios.CORSE_REVIEWER, "demo")
                            .send()
                            .status())
                    .as(path)
                    .isIn(403, 404);
        }
        ApiClient.Reply info =
                api().get("/actuator/info").basic("national", "demo").send();
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().path("build").path("version").asText()).isNotBlank();
        assertThat(info.json()
                        .path("models")
                        .path("processes")
                        .path("free-qualification")
                        .asInt())
                .isPositive();
        assertThat(info.json()
                        .path("models")
                        .path("decisions")
                        .path("eligibility")
                        .asInt())
                .isPositive();
        assertThat(api().get("/actuator/info").basic("admin", "demo").send().status())
                .isEqualTo(200);
    }

    @Test
    void prometheusShowsTheEnginesFigures() {
        new Scenarios(api()).underReview(); // a review task for hub-corse
        figures.refresh();
        ApiClient.Reply metrics =
                api().get("/actuator/prometheus").basic("admin", "demo").send();
        assertThat(metrics.status()).isEqualTo(200);
        String text = metrics.text();
        assertThat(text)
                .contains("aptic_engine_jobs_due{")
                .contains("aptic_engine_jobs_failed{")
                .contains("aptic_engine_incidents{")
                .contains("aptic_mail_outbox_waiting{")
                .contains("aptic_mail_outbox_given_up{")
                .containsPattern("aptic_tasks_open\\{[^}]*group=\"hub-corse\"[^}]*} [1-9]")
                .contains("jvm_memory_used_bytes");
    }
}
