package fr.aptic.qualification.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Mailbox;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.Scenarios.Submitted;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * token, a confirmation sent twice, a moved place sent to the hub, a wrong change shown again; and what the tracking
 * page says of a revoked qualification.
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
    String lastPage;

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

    @Test
    void aPlaceMovedOnThePageGoesToTheCorsicanHubAndLeavesTheMapUntilApproved() {
        Submitted producer = steps.qualified();
        steps.fireNextTimer(producer);
        String form = "/renouvellement/" + producer.id() + "/modifier?jeton=" + producer.token();
        String csrf = open(form);
        assertThat(lastPage).contains("value=\"Mo-Fr 09:00-17:00\"", "value=\"1 avenue de Paris\"");
        assertThat(onMap(producer)).isTrue();

        Map<String, List<String>> moved = unchanged(csrf, producer);
        moved.put("places[0].address", List.of("12 cours Napoléon"));
        Reply reply = change(producer, moved);

        assertThat(reply.status()).as("%s", reply).isEqualTo(302);
        assertThat(reply.header("Location").orElseThrow())
                .endsWith("/renouvellement/" + producer.id() + "/confirme")
                .doesNotContain(producer.token());
        Reply confirmed = withCookies(html(api.get("/renouvellement/" + producer.id() + "/confirme")))
                .send();
        assertThat(confirmed.text())
                .contains("Vos nouveaux lieux sont transmis au hub de votre territoire")
                .contains("apparaîtront sur la carte une fois approuvés");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceBusinessKey(producer.id())
                        .taskDefinitionKey(QualificationLifecycleProcess.REVIEW_RENEWAL)
                        .taskCandidateGroup("hub-corse")
                        .count())
                .isEqualTo(1);
        assertThat(qualification(producer).get("status").asText()).isEqualTo("QUALIFIED");
        assertThat(onMap(producer)).isFalse();

        String review = new Scenarios(api).taskId(producer.id(), QualificationLifecycleProcess.REVIEW_RENEWAL);
        assertThat(new Scenarios(api)
                        .complete("reviewer-corse", review, Map.of("decision", "APPROVE"))
                        .status())
                .isEqualTo(204);
        assertThat(onMap(producer)).isTrue();
        assertThat(api.get("/api/places?departement=2A").send().text()).contains("12 cours Napoléon");
    }

    @Test
    void aWrongChangeShowsTheFormAgainWithItsFieldsAndChangesNothing() {
        Submitted producer = steps.qualified();
        steps.fireNextTimer(producer);
        String validUntil = qualification(producer).get("validUntil").asText();
        String csrf = open("/renouvellement/" + producer.id() + "/modifier?jeton=" + producer.token());

        Map<String, List<String>> tooLong = unchanged(csrf, producer);
        tooLong.put("places[0].openingHours", List.of("Mo-Fr 09:00-17:00 ".repeat(30)));
        tooLong.put("places[0].servicesPerYear", List.of("beaucoup"));
        Reply unreadable = change(producer, tooLong);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.text())
                .contains("Le formulaire contient une erreur", "Accompagnements par an (lieu 1)", "value=\"beaucoup\"");

        Reply invalid = change(producer, without(tooLong, "places[0].servicesPerYear", "1800"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.text())
                .contains("Horaires d&#39;ouverture (lieu 1)", "trop long", "fr-input-group--error")
                .contains("Mo-Fr 09:00-17:00 Mo-Fr");

        Map<String, List<String>> noService = unchanged(csrf, producer);
        noService.remove("places[0].services");
        Reply empty = change(producer, noService);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("Services proposés (lieu 1)", "au moins un service");

        assertThat(qualification(producer).get("history").findValuesAsText("event"))
                .doesNotContain("RENEWAL_CONFIRMED", "RENEWAL_CHANGES");
        assertThat(qualification(producer).get("validUntil").asText()).isEqualTo(validUntil);
        assertThat(qualification(producer).get("renewalOpen").asBoolean()).isTrue();
        assertThat(onMap(producer)).isTrue();
    }

    @Test
    void theChangeFormWithAWrongTokenIsTheFrenchNotFoundPage() {
        Submitted producer = steps.qualified();
        steps.fireNextTimer(producer);
        Reply page = html(api.get("/renouvellement/" + producer.id() + "/modifier?jeton=pas-le-bon"))
                .send();
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text())
                .contains("Ce lien de renouvellement ne correspond")
                .doesNotContain(producer.siret());
    }

    /** The change form as the page fills it from the sample application, with its CSRF token. */
    private static Map<String, List<String>> unchanged(String csrf, Submitted producer) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("_csrf", List.of(csrf));
        form.put("jeton", List.of(producer.token()));
        form.put("places[0].openingHours", List.of("Mo-Fr 09:00-17:00"));
        form.put(
                "places[0].services",
                List.of("Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"));
        form.put("places[0].servicesPerYear", List.of("1800"));
        form.put("places[0].regulatedPrice", List.of("oui"));
        form.put("places[0].name", List.of("Médiathèque des Cannes"));
        form.put("places[0].address", List.of("1 avenue de Paris"));
        form.put("places[0].postalCode", List.of("20000"));
        form.put("places[0].commune", List.of("Ajaccio"));
        form.put("quality.trainedMediators", List.of("2"));
        form.put("quality.openingHoursPerWeek", List.of("30"));
        return form;
    }

    private static Map<String, List<String>> without(Map<String, List<String>> form, String field, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(form);
        copy.put(field, List.of(value));
        return copy;
    }

    private Reply change(Submitted producer, Map<String, List<String>> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, values) -> values.forEach(value -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        Reply reply = withCookies(html(api.post("/renouvellement/" + producer.id() + "/modifier")))
                .raw("application/x-www-form-urlencoded", body.toString())
                .send();
        keepCookies(reply);
        return reply;
    }

    private boolean onMap(Submitted producer) {
        Reply reply = api.get("/api/places?departement=2A").send();
        assertThat(reply.status()).isEqualTo(200);
        return reply.text().contains(producer.siret());
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
        lastPage = page.text();
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
