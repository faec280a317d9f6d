package fr.aptic.qualification.support;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.ApiClient.Reply;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A session on the signed-in pages, opened as a browser opens it: the sign-in page gives a session and its CSRF
 * token, the form posts them with the credentials; the session cookie and the form token then go with each call.
 */
public record StaffSession(ApiClient api, String cookie, String csrf) {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static StaffSession signIn(ApiClient api, String user, String password) {
        Reply page = api.get("/connexion").header("Accept", "text/html").send();
        assertThat(page.status()).isEqualTo(200);
        String cookie = sessionCookie(page);
        String csrf = csrfOf(page.text());
        Reply signedIn = api.post("/connexion")
                .cookie(cookie)
                .form(Map.of("identifiant", user, "motdepasse", password, "_csrf", csrf))
                .send();
        assertThat(signedIn.status()).as("sign-in of %s: %s", user, signedIn).isEqualTo(302);
        assertThat(signedIn.header("Location").orElse("")).doesNotContain("/connexion");
        String session = sessionCookie(signedIn);
        // the session changes at sign-in (no fixation), and so does its token
        Reply any = api.get("/connexion")
                .cookie(session)
                .header("Accept", "text/html")
                .send();
        return new StaffSession(api, session, csrfOf(any.text()));
    }

    /** A page as the browser asks for it. */
    public Reply get(String path) {
        return api.get(path).cookie(cookie).header("Accept", "text/html").send();
    }

    /** A form posted with the session's token. */
    public Reply post(String path, Map<String, String> fields) {
        java.util.Map<String, String> withToken = new java.util.LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf);
        return api.post(path)
                .cookie(cookie)
                .header("Accept", "text/html")
                .form(withToken)
                .send();
    }

    static String sessionCookie(Reply reply) {
        return reply.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + reply.headers()));
    }

    static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }
}
