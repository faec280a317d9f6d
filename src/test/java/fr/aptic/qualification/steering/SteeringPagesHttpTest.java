package fr.aptic.qualification.steering;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Samples;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.StaffSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who reaches the steering page and what a bad request gets, over HTTP as a browser sends it: signed out, the
 * sign-in page; a hub's reviewer, the French 403 page; the national team, process owners and administrators, the
 * page. A bad filter or a bad upload is a 4xx page naming the field, never a 500; forms need their CSRF token; the
 * simulation's list downloads as a spreadsheet file whose text cells cannot run as formulas.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SteeringPagesHttpTest {

    static final String PASSWORD = Scenarios.PASSWORD;
    static final Pattern DOWNLOAD = Pattern.compile("href=\"(/pilotage/simulation/[0-9a-f-]+\\.csv)\"");

    @LocalServerPort
    int port;

    @Test
    void eachUserReachesWhatTheirRoleAllows() {
        ApiClient api = new ApiClient(port);
        Reply signedOut = api.get("/pilotage").header("Accept", "text/html").send();
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/connexion"));

        Reply refused = StaffSession.signIn(api, "reviewer-corse", PASSWORD).get("/pilotage");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("lang=\"fr\"", "Erreur 403").doesNotContain("Exception");

        Reply national = StaffSession.signIn(api, "national", PASSWORD).get("/pilotage");
        assertThat(national.status()).isEqualTo(200);
        assertThat(national.text())
                .contains("Pilotage de la qualification", "data-chart=", "tableau-issues", "tableau-territoires")
                .contains("/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/");
        assertThat(national.header("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe"));

        Reply owner = StaffSession.signIn(api, "owner", PASSWORD).get("/pilotage");
        assertThat(owner.status()).isEqualTo(200);
        assertThat(owner.text())
                .as("process owners work no task: no way to Tasklist")
                .doesNotContain("/camunda/app/tasklist/")
                .contains("/camunda/app/cockpit/default/");

        assertThat(StaffSession.signIn(api, "admin", PASSWORD).get("/pilotage").status())
                .isEqualTo(200);
    }

    @Test
    void badFiltersAreRefusedWithTheFieldNamed() {
        StaffSession national = StaffSession.signIn(new ApiClient(port), "national", PASSWORD);
        Reply departement = national.get("/pilotage?departement=99");
        assertThat(departement.status()).isEqualTo(400);
        assertThat(departement.text()).contains("Département : département inconnu", "departement-messages");
        Reply path = national.get("/pilotage?parcours=AILLEURS");
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.text()).contains("Parcours : parcours inconnu");
        Reply filtered = national.get("/pilotage?departement=2A&parcours=FREE");
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.text()).contains("département 2A", "parcours Libre");
    }

    @Test
    void badUploadsAreSaidBesideTheFileAndNothingFails() throws Exception {
        StaffSession owner = StaffSession.signIn(new ApiClient(port), "owner", PASSWORD);

        Reply forged = owner.api()
                .post("/pilotage/simulation")
                .cookie(owner.cookie())
                .header("Accept", "text/html")
                .raw(Multipart.TYPE, new Multipart().field("source", "fichier").body())
                .send();
        assertThat(forged.status()).as("no CSRF token").isEqualTo(403);

        Reply noFile = simulate(owner, new Multipart().field("source", "fichier"));
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(messageOf(noFile, "fichier")).contains("choisissez un fichier DMN");

        Reply notDmn = simulate(
                owner,
                new Multipart()
                        .field("source", "fichier")
                        .file("fichier", "notes.dmn", "ceci n'est pas du XML".getBytes(StandardCharsets.UTF_8)));
        assertThat(notDmn.status()).isEqualTo(400);
        assertThat(messageOf(notDmn, "fichier")).contains("notes.dmn", "n'est pas un modèle DMN utilisable");

        byte[] badFeel =
                eligibility().replace("<text>40</text>", "<text>40 +* </text>").getBytes(StandardCharsets.UTF_8);
        Reply broken =
                simulate(owner, new Multipart().field("source", "fichier").file("fichier", "eligibility.dmn", badFeel));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(messageOf(broken, "fichier")).contains("expression FEEL invalide");

        byte[] large = new byte[(int) SimulationForm.MAX_FILE_BYTES + 1];
        Reply tooLarge =
                simulate(owner, new Multipart().field("source", "fichier").file("fichier", "gros.dmn", large));
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(messageOf(tooLarge, "fichier")).contains("trop volumineux");

        Reply unknownVersion = simulate(
                owner,
                new Multipart()
                        .field("source", "version")
                        .field("decision", "eligibility")
                        .field("version", "9999"));
        assertThat(unknownVersion.status()).isEqualTo(404);
        assertThat(messageOf(unknownVersion, "version")).contains("Aucune version 9999");

        Reply badDates = simulate(
                owner,
                new Multipart()
                        .field("source", "version")
                        .field("version", "1")
                        .field("du", "2026-02-30")
                        .field("simulationDepartement", "99"));
        assertThat(badDates.status()).isEqualTo(400);
        assertThat(messageOf(badDates, "du")).contains("AAAA-MM-JJ");
        assertThat(messageOf(badDates, "simulationDepartement")).contains("département inconnu");

        assertThat(owner.get("/pilotage/simulation/inconnue.csv").status()).isEqualTo(404);
    }

    @Test
    void theChangedApplicationsDownloadAsASpreadsheetFileWithoutFormulas() throws Exception {
        ApiClient api = new ApiClient(port);
        Map<String, Object> application = Samples.application();
        @SuppressWarnings("unchecked")
        Map<String, Object> organisation = new LinkedHashMap<>((Map<String, Object>) application.get("organisation"));
        organisation.put("name", "=HYPERLINK(\"http://exemple.org\";\"Espace\")");
        application.put("organisation", organisation);
        Scenarios.Submitted formula = new Scenarios(api).submit(application);

        StaffSession national = StaffSession.signIn(api, "national", PASSWORD);
        byte[] everyoneIneligible = eligibility()
                .replace(
                        "<literalExpression id=\"LiteralExpression_EligibilityThreshold\">\n      <text>40</text>",
                        "<literalExpression id=\"LiteralExpression_EligibilityThreshold\">\n      <text>1000</text>")
                .getBytes(StandardCharsets.UTF_8);
        Reply simulated = simulate(
                national,
                new Multipart()
                        .field("source", "fichier")
                        .field("decision", "eligibility")
                        .field("reference", "stored")
                        .file("fichier", "eligibility.dmn", everyoneIneligible));
        assertThat(simulated.status()).as(simulated.text()).isEqualTo(200);
        assertThat(simulated.text()).contains("fichier eligibility.dmn", "tableau-transitions", "Éligible");
        Matcher link = DOWNLOAD.matcher(simulated.text());
        assertThat(link.find()).as("a link to the list").isTrue();

        Reply file = national.get(link.group(1));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(file.header("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("attachment", "simulation-eligibility-demandes.csv"));
        String csv = file.text();
        assertThat(csv)
                .startsWith("\uFEFFdemande;siret;structure;departement;avant;apres;score_avant;score_apres;")
                .contains(formula.id() + ";" + formula.siret() + ";\"'=HYPERLINK(")
                .contains(";ELIGIBLE;INELIGIBLE;");

        // the list is the user's: another session does not get it
        StaffSession other = StaffSession.signIn(api, "owner", PASSWORD);
        assertThat(other.get(link.group(1)).status()).isEqualTo(404);
    }

    private Reply simulate(StaffSession session, Multipart form) {
        return session.api()
                .post("/pilotage/simulation")
                .cookie(session.cookie())
                .header("Accept", "text/html")
                .raw(Multipart.TYPE, form.field("_csrf", session.csrf()).body())
                .send();
    }

    /** The message the page shows beside a field of the simulation's form. */
    private static String messageOf(Reply page, String field) {
        Matcher messages = Pattern.compile(
                        "id=\"" + field + "-messages\"[^>]*>\\s*<p class=\"fr-message fr-message--error\">([^<]*)</p>")
                .matcher(page.text());
        assertThat(messages.find())
                .as("a message beside %s in %s", field, page.text())
                .isTrue();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(messages.group(1));
    }

    private static String eligibility() throws Exception {
        return Files.readString(Path.of("dmn/eligibility.dmn"));
    }

    /** A multipart/form-data body, as a browser's form sends it. */
    static final class Multipart {
        static final String BOUNDARY = "----aptic-pilotage-7d1f";
        static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        Multipart file(String name, String fileName, byte[] content) {
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] body() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(body.toByteArray());
            all.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        private void write(String text) {
            body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
