package fr.aptic.qualification.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Mailbox;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.Scenarios.Submitted;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The renewal page over HTTP, for what a browser test would not show: a wrong token, a form without its CSRF
 * token, a confirmation sent twice; and what the tracking page says of a revoked qualification.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RenewalPagesHttpTest {

    @RegisterExtension
    static GreenMailExtension mail = Mailbox.server();

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    ApiClient api;
    RenewalSteps steps;
    final List<String> cookies = new ArrayList<>();

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        steps = new RenewalSteps(new Scenarios(api), engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aWrongTokenOrAnUnknownApplicationIsTheSameFrenchNotFoundPage() {
        Submitted producer = steps.qualified();
        for (String path : List.of(
                "/renouvellement/" + producer.id() + "?jeton=pas-le-bon",
                "/renouvellement/" + producer.id(),
                "/renouvellement/" + UUID.randomUUID() + "?jeton=" + producer.token())) {
            Reply page = html(api.get(path)).send();

            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.text())
                    .as(path)
                    .contains("<html lang=\"fr\"", "Page introuvable", "Ce lien de renouvellement ne correspond")
                    .doesNotContain(producer.siret());
            assertThat(page.header("Referrer-Policy")).as(path).contains("no-referrer");
        }
    }

    @Test
    void aConfirmationWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        Submitted producer = steps.qualified();
        steps.fireNextTimer(producer);

        Reply reply = html(api.post("/renouvellement/" + producer.id()))
                .form(Map.of("jeton", producer.token()))
                .send();

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.text()).contains("Erreur 403");
        assertThat(qualification(producer).get("renewalOpen").asBoolean()).isTrue();
    }

    @Test
    void aConfirmationSentTwiceRenewsOnceAndSaysSoTheSecondTime() {
        Submitted producer = steps.qualified();
        steps.fireNextTimer(producer);
        String page = "/renouvellement/" + producer.id() + "?jeton=" + producer.token();
        String csrf = open(page);

        Reply first = confirm(producer, csrf);
        assertThat(first.status()).isEqualTo(302);
        assertThat(first.header("Location").orElseThrow())
                .endsWith("/renouvellement/" + producer.id() + "/confirme")
                .doesNotContain(producer.token());
        Reply confirmed = withCookies(html(api.get("/renouvellement/" + producer.id() + "/confirme")))
                .send();
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.text()).contains("Merci, votre confirmation est enregistrée", "valable jusqu’au");
        String validUntil = qualification(producer).get("validUntil").asText();

        Reply second = confirm(producer, csrf);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text())
                .contains("fr-alert--error", "Le renouvellement ouvre le")
                .doesNotContain("Je confirme que ces informations sont toujours exactes");
        assertThat(qualification(producer).get("validUntil").asText()).isEqualTo(validUntil);
        assertThat(qualification(producer).get("history").findValuesAsText("event"))
                .filteredOn("RENEWAL_CONFIRMED"::equals)
                .hasSize(1);
    }

    @Test
    void theTrackingPageNamesARevocationAndItsReason() {
        Submitted producer = steps.qualified();
        Reply revoked = api.post("/api/qualifications/" + producer.siret() + "/revocation")
                .basic("national", "demo")
                .json(Map.of("reason", "CHARTER_BREACH", "comment", "Reste à charge demandé aux usagers"))
                .send();
        assertThat(revoked.status()).as("%s", revoked).isEqualTo(200);

        Reply tracking = html(api.get("/suivi/" + producer.id() + "?jeton=" + producer.token()))
                .send();
        assertThat(tracking.status()).isEqualTo(200);
        assertThat(tracking.text())
                .contains("Révoquée", "Motif de la révocation", "charte", "Reste à charge demandé aux usagers")
                .doesNotContain("CHARTER_BREACH", "Renouveler ma qualification");
        Reply renewal = html(api.get("/renouvellement/" + producer.id() + "?jeton=" + producer.token()))
                .send();
        assertThat(renewal.status()).isEqualTo(200);
        assertThat(renewal.text())
                .contains("Révoquée", "charte")
                .doesNotContain("Je confirme que ces informations sont toujours exactes");
    }

    private Reply confirm(Submitted producer, String csrf) {
        Reply reply = withCookies(html(api.post("/renouvellement/" + producer.id())))
                .form(Map.of("_csrf", csrf, "jeton", producer.token()))
                .send();
        keepCookies(reply);
        return reply;
    }

    private com.fasterxml.jackson.databind.JsonNode qualification(Submitted producer) {
        Reply reply = api.get("/api/qualifications/" + producer.siret())
                .token(producer.token())
                .send();
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    /** Opens a page as a browser would, keeping its cookies; answers the form's CSRF token. */
    private String open(String path) {
        Reply page = html(api.get(path)).send();
        assertThat(page.status()).as("%s", path).isEqualTo(200);
        keepCookies(page);
        Matcher token = CSRF.matcher(page.text());
        assertThat(token.find()).as("a CSRF token on %s", path).isTrue();
        return token.group(1);
    }

    private void keepCookies(Reply reply) {
        reply.headers("Set-Cookie").forEach(cookie -> cookies.add(cookie.split(";", 2)[0]));
    }

    private ApiClient.Call withCookies(ApiClient.Call call) {
        return cookies.isEmpty() ? call : call.cookie(String.join("; ", cookies));
    }

    private static ApiClient.Call html(ApiClient.Call call) {
        return call.header("Accept", "text/html");
    }
}
