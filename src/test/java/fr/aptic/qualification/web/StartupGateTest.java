package fr.aptic.qualification.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.QualificationApplication;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.Webapp;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * While the application starts (held here in the middle of its start-up, the port already open), every
 * endpoint answers 503 with Retry-After: the public map, the API, the engine REST API, Tasklist's login. Once
 * ready, the same requests answer as usual.
 */
class StartupGateTest {

    @Test
    void answers503WithRetryAfterUntilReady() throws Exception {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<ConfigurableApplicationContext> started =
                CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(QualificationApplication.class)
                        .profiles("test")
                        .properties("server.port=0", "aptic.models.watch=false")
                        .listeners(event -> {
                            if (event instanceof WebServerInitializedEvent initialized) {
                                port.complete(initialized.getWebServer().getPort());
                            }
                            if (event instanceof ContextRefreshedEvent) {
                                await(release);
                            }
                        })
                        .run());
        try {
            ApiClient api = new ApiClient(port.get(120, TimeUnit.SECONDS));
            for (Reply reply : new Reply[] {
                api.get("/api/places").send(),
                api.get("/api/places.csv").send(),
                api.post("/api/applications").json(java.util.Map.of()).send(),
                api.get("/engine-rest/task")
                        .basic(Scenarios.ADMIN, Scenarios.PASSWORD)
                        .send(),
                api.post(Webapp.LOGIN + "tasklist")
                        .form(java.util.Map.of("username", "admin", "password", "demo"))
                        .send(),
                api.get("/camunda/app/tasklist/default/").send()
            }) {
                assertThat(reply.status()).as("%s", reply).isEqualTo(503);
                assertThat(reply.header("Retry-After")).contains(StartupGate.RETRY_AFTER_SECONDS);
                assertThat(reply.json().path("detail").asText()).contains("démarre");
            }

            release.countDown();
            ConfigurableApplicationContext context = started.get(180, TimeUnit.SECONDS);
            try {
                assertThat(api.get("/api/places").send().status()).isEqualTo(200);
                assertThat(api.get("/engine-rest/task")
                                .basic(Scenarios.ADMIN, Scenarios.PASSWORD)
                                .send()
                                .status())
                        .isEqualTo(200);
                assertThat(Webapp.login(api, "tasklist", Scenarios.ADMIN, Scenarios.PASSWORD)
                                .status())
                        .isEqualTo(200);
            } finally {
                context.close();
            }
        } finally {
            release.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(180, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
