package fr.aptic.qualification.network;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.StaffSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who reaches the partners' pages, and what a bad request gets: signed out, the French sign-in page; a hub's
 * reviewer, the French 403 page; a partner, its own network only; the national team, every network. Forms need
 * their CSRF token; bad parameters are a 400 page naming them; the pages carry the strict CSP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PartnerPagesHttpTest extends NetworkTestSupport {

    @LocalServerPort
    int port;

    @Test
    void eachUserReachesWhatTheirRoleAllows() {
        String mine = newNetwork(false);
        String theirs = newNetwork(false);
        ApiClient api = new ApiClient(port);

        Reply signedOut =
                api.get("/partenaires/" + mine).header("Accept", "text/html").send();
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/connexion"));

        StaffSession reviewer = StaffSession.signIn(api, "reviewer-corse", PASSWORD);
        Reply refused = reviewer.get("/partenaires");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("lang=\"fr\"").doesNotContain("Exception");

        StaffSession partner = StaffSession.signIn(api, partner(mine), PASSWORD);
        Reply list = partner.get("/partenaires");
        assertThat(list.status()).as("a partner goes to its network").isEqualTo(302);
        assertThat(list.header("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/partenaires/" + mine));
        Reply own = partner.get("/partenaires/" + mine);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.header("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe"));
        assertThat(partner.get("/partenaires/" + theirs).status()).isEqualTo(403);
        assertThat(partner.get("/partenaires/" + theirs + "/membres").status()).isEqualTo(403);
        assertThat(partner.get("/partenaires/inconnu").status()).isEqualTo(404);

        // bad parameters: a 400 page naming them, nothing changed
        Reply badStatus = partner.get("/partenaires/" + mine + "/membres?statut=PEUT-ETRE");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(partner.get("/partenaires/" + mine + "/membres?page=deux").status())
                .isEqualTo(400);
        Reply noFile = partner.post("/partenaires/" + mine + "/attestations", Map.of("decision", "ATTEST"));
        assertThat(noFile.status()).isEqualTo(200);
        assertThat(noFile.text()).contains("cochez au moins un membre");

        // a form without its token changes nothing
        Reply forged = api.post("/partenaires/" + mine + "/attestations")
                .cookie(partner.cookie())
                .header("Accept", "text/html")
                .form(Map.of("decision", "ATTEST", "portee", "tous"))
                .send();
        assertThat(forged.status()).isEqualTo(403);

        StaffSession national = StaffSession.signIn(api, "national", PASSWORD);
        Reply all = national.get("/partenaires");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.text()).contains("/partenaires/" + mine).contains("/partenaires/" + theirs);
        assertThat(national.get("/partenaires/" + theirs + "/membres").status()).isEqualTo(200);

        // signing out ends the session
        Reply out = partner.post("/deconnexion", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(partner.get("/partenaires/" + mine).status()).isEqualTo(302);
    }
}
