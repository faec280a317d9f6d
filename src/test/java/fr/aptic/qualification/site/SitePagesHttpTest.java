package fr.aptic.qualification.site;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The pages over HTTP, for what a browser test would not show: the security headers, CSRF, and a clear 4xx page
 * in French for every bad input, naming the field, with nothing changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SitePagesHttpTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    ApiClient api;
    final List<String> cookies = new ArrayList<>();

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void everyPageSendsTheSecurityHeaders() {
        for (String path : List.of("/", "/devenir", "/devenir/organisation", "/carte")) {
            Reply page = html(api.get(path)).send();

            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy").orElseThrow())
                    .as(path)
                    .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
                    .doesNotContain("unsafe");
            assertThat(page.header("X-Frame-Options")).as(path).contains("DENY");
            assertThat(page.header("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(page.text()).as(path).contains("<html lang=\"fr\"");
        }
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefused() {
        Reply reply = html(api.post("/devenir/organisation"))
                .form(Map.of("siret", "73282932000074"))
                .send();

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.text()).contains("Une erreur est survenue", "Erreur 403", "pas accès à cette ressource");
    }

    @Test
    void aNumberThatIsNotOneIsAnErrorOnItsFieldAndKeepsTheRest() {
        String token = open("/devenir/qualite");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", token);
        form.put("quality.trainedMediators", "deux");
        form.put("quality.openingHoursPerWeek", "30");
        Reply reply = withCookies(html(api.post("/devenir/qualite")).form(form)).send();
        keepCookies(reply);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text())
                .contains("Médiateurs formés : nombre entier attendu")
                .contains("href=\"#quality-trainedMediators\"")
                .contains("value=\"30\"")
                .as("what was typed is shown again")
                .contains("value=\"deux\"");
        // the draft kept what was typed: the page shows it again
        Reply again = withCookies(html(api.get("/devenir/qualite"))).send();
        assertThat(again.text()).contains("value=\"30\"");
    }

    @Test
    void anUnknownStepOrApplicationIsAFrenchPageNotAStackTrace() {
        Reply step = html(api.get("/devenir/etape-inconnue")).send();
        assertThat(step.status()).isEqualTo(404);
        assertThat(step.text()).contains("Étape inconnue").doesNotContain("Exception");

        Reply unknown =
                html(api.get("/suivi/" + UUID.randomUUID() + "?jeton=abc")).send();
        Reply noToken = html(api.get("/suivi/" + UUID.randomUUID())).send();
        for (Reply reply : List.of(unknown, noToken)) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.text()).contains("Demande introuvable").doesNotContain("Exception");
        }
    }

    @Test
    void aMapFilterThatIsNotADepartementIsNamed() {
        Reply reply = html(api.get("/carte?departement=ZZ")).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).contains("code de département invalide");
    }

    @Test
    void sendingWithoutADraftGoesBackToTheStart() {
        String token = open("/devenir/organisation");
        Reply reply = withCookies(html(api.post("/devenir/envoi")).form(Map.of("_csrf", token)))
                .send();

        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.header("Location").orElseThrow()).endsWith("/devenir");
    }

    @Test
    void theApiStillAnswersProblemsAndThePagesHtml() {
        Reply api404 = html(api.get("/api/applications/" + UUID.randomUUID())).send();
        assertThat(api404.status()).isEqualTo(404);
        assertThat(api404.header("Content-Type").orElseThrow()).contains("application/problem+json");

        Reply page404 = html(api.get("/page-qui-n-existe-pas")).send();
        assertThat(page404.status()).isEqualTo(404);
        assertThat(page404.text()).contains("Page introuvable");
    }

    /** Opens a page as a browser would, keeping its cookies; answers the form's CSRF token. */
    private String open(String path) {
        Reply page = html(api.get(path)).send();
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
