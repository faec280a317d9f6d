package fr.aptic.qualification.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Samples;
import fr.aptic.qualification.support.Webapp;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The app as it runs outside the demo profile, behind a TLS proxy: no demo users, the administrator from the
 * environment, Secure and SameSite cookies, security headers (HSTS once the proxy says the request came over
 * HTTPS), failed logins throttled per user with 429 and Retry-After on HTTP Basic and the webapps' login, and
 * the public submission endpoint rate-limited per client address. Its own Spring context: these settings are
 * off or relaxed in the shared test profile.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "aptic.demo.enabled=false",
            "aptic.admin.user=chief",
            "aptic.admin.password=a-long-admin-secret",
            "server.servlet.session.cookie.secure=true",
            "camunda.bpm.webapp.csrf.enable-secure-cookie=true",
            "server.forward-headers-strategy=native",
            "aptic.rate-limit.submissions.enabled=true",
            "aptic.rate-limit.submissions.capacity=3",
            "aptic.rate-limit.submissions.refill-period=PT1H",
            "camunda.bpm.generic-properties.properties.loginMaxAttempts=3",
            "camunda.bpm.generic-properties.properties.loginDelayBase=1",
            "camunda.bpm.generic-properties.properties.loginDelayFactor=1",
            "camunda.bpm.generic-properties.properties.loginDelayMaxTime=1"
        })
@ActiveProfiles("test")
class HardenedSettingsHttpTest {

    static final String PASSWORD = "a-long-user-secret";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void onlyTheAdministratorFromTheEnvironmentExists() {
        assertThat(api.get("/engine-rest/user?id=chief")
                        .basic("chief", "a-long-admin-secret")
                        .send()
                        .status())
                .isEqualTo(200);
        for (String demo : List.of("admin", "national", "backoffice", "owner", "reviewer-corse")) {
            assertThat(api.get("/engine-rest/task").basic(demo, "demo").send().status())
                    .as("demo user %s", demo)
                    .isEqualTo(401);
            assertThat(identity.createUserQuery().userId(demo).count()).isZero();
        }
        Reply setup = api.post("/camunda/api/admin/setup/default/user/create")
                .json(Map.of(
                        "profile", Map.of("id", "intruder", "firstName", "I", "lastName", "I"),
                        "credentials", Map.of("password", "intruder-password")))
                .send();
        assertThat(setup.status()).isEqualTo(403);
        assertThat(setup.json().path("detail").asText())
                .as("refused by us, not by Camunda")
                .contains("accès");
        assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void submissionsBeyondTheBurstAreRefusedWith429AndRetryAfterPerClientAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(submitFrom("203.0.113.7").status()).isEqualTo(201);
        }
        Reply refused = submitFrom("203.0.113.7");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        assertThat(refused.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.json().path("status").asInt()).isEqualTo(429);
        // the application form's sending shares the address's budget, refused with the French page
        Reply page = api.post("/devenir/envoi")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("Accept", "text/html")
                .form(java.util.Map.of("_csrf", "x"))
                .send();
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.header("Retry-After")).isPresent();
        assertThat(page.text()).contains("Trop de demandes", "Réessayez dans");
        assertThat(submitFrom("203.0.113.8").status()).as("another address").isEqualTo(201);
        // Reading is not limited.
        assertThat(api.get("/api/places")
                        .header("X-Forwarded-For", "203.0.113.7")
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void failedBasicLoginsLockTheUserBrieflyThenForGoodWith429() throws Exception {
        user("throttled-basic");
        assertThat(basic("throttled-basic", "wrong").status()).isEqualTo(401);
        Reply locked = basic("throttled-basic", PASSWORD);
        assertThat(locked.status())
                .as("the right password while locked: %s", locked)
                .isEqualTo(429);
        assertThat(locked.header("Retry-After")).hasValue("1");
        assertThat(locked.json().path("detail").asText()).contains("réessayez dans");
        assertThat(basic("someone-else", "wrong").status()).as("unknown user").isEqualTo(401);

        Thread.sleep(1_200);
        assertThat(basic("throttled-basic", PASSWORD).status())
                .as("after the delay")
                .isEqualTo(200);

        for (int attempt = 0; attempt < 3; attempt++) {
            Thread.sleep(1_200);
            assertThat(basic("throttled-basic", "wrong").status()).isEqualTo(401);
        }
        Thread.sleep(1_200);
        Reply lockedForGood = basic("throttled-basic", PASSWORD);
        assertThat(lockedForGood.status()).isEqualTo(429);
        assertThat(lockedForGood.header("Retry-After")).isEmpty();
        assertThat(lockedForGood.json().path("detail").asText()).contains("administrateur");

        identity.unlockUser("throttled-basic");
        assertThat(basic("throttled-basic", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void failedWebappLoginsAreThrottledToo() throws Exception {
        user("throttled-webapp");
        assertThat(Webapp.login(api, "tasklist", "throttled-webapp", "wrong").status())
                .isEqualTo(401);
        Reply locked = Webapp.login(api, "tasklist", "throttled-webapp", PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).hasValue("1");
        Thread.sleep(1_200);
        assertThat(Webapp.login(api, "tasklist", "throttled-webapp", PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void sessionAndCsrfCookiesAreSecureHttpOnlyAndSameSite() {
        Reply page = api.get("/camunda/app/tasklist/default/").send();
        String session = cookie(page, "JSESSIONID");
        assertThat(session).contains("Secure", "HttpOnly", "SameSite=Strict");
        assertThat(session.split("SameSite", -1))
                .as("one SameSite attribute: %s", session)
                .hasSize(2);
        String csrf = cookie(page, "XSRF-TOKEN");
        assertThat(csrf).contains("Secure", "SameSite=Strict");
    }

    @Test
    void apiAnswersCarrySecurityHeadersAndHstsOverHttps() {
        Reply overTls =
                api.get("/api/places").header("X-Forwarded-Proto", "https").send();
        assertThat(overTls.header("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000"));
        assertThat(overTls.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(overTls.header("X-Frame-Options")).hasValue("DENY");
        assertThat(overTls.header("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
        assertThat(overTls.header("Referrer-Policy")).hasValue("no-referrer");

        Reply engine = api.get("/engine-rest/task")
                .header("X-Forwarded-Proto", "https")
                .send();
        assertThat(engine.status()).isEqualTo(401);
        assertThat(engine.header("Content-Security-Policy")).isPresent();
        assertThat(engine.header("Strict-Transport-Security")).isPresent();

        Reply plain = api.get("/api/places").send();
        assertThat(plain.header("Strict-Transport-Security"))
                .as("no HSTS over plain HTTP")
                .isEmpty();
        assertThat(plain.header("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void engineRestIgnoresATasklistSessionAndTasklistRequiresItsCsrfToken() {
        user("session-holder");
        identity.createMembership("session-holder", AccessSetup.NATIONAL);
        Reply login = Webapp.login(api, "tasklist", "session-holder", PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        String session = Webapp.sessionCookie(login);

        assertThat(api.get("/camunda/api/engine/engine/default/task/count")
                        .cookie(session)
                        .send()
                        .status())
                .as("Tasklist's own API with the session")
                .isEqualTo(200);
        assertThat(api.get("/engine-rest/task").cookie(session).send().status())
                .as("/engine-rest with only the session cookie")
                .isEqualTo(401);
        assertThat(api.post("/engine-rest/task/whatever/complete")
                        .cookie(session)
                        .json(Map.of())
                        .send()
                        .status())
                .isEqualTo(401);
        Reply forged = api.post("/camunda/api/engine/engine/default/task/whatever/claim")
                .cookie(session)
                .json(Map.of("userId", "session-holder"))
                .send();
        assertThat(forged.status())
                .as("a change without the CSRF token: %s", forged)
                .isEqualTo(403);
        assertThat(forged.header("X-XSRF-TOKEN")).hasValue("Required");
    }

    private Reply submitFrom(String address) {
        return api.post("/api/applications")
                .header("X-Forwarded-For", address)
                .json(Samples.application())
                .send();
    }

    private Reply basic(String user, String password) {
        return api.get("/engine-rest/process-definition").basic(user, password).send();
    }

    private void user(String id) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setFirstName("Test");
            user.setLastName(id);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, "hub-corse");
        }
    }

    private static String cookie(Reply reply, String name) {
        return reply.headers("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + reply.headers()));
    }
}
