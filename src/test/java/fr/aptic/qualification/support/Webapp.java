package fr.aptic.qualification.support;

import fr.aptic.qualification.support.ApiClient.Reply;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Logs in to a Camunda webapp (Tasklist, Cockpit, Admin) the way the browser does: open the app to get a
 * session and the CSRF token (header {@code X-XSRF-TOKEN} and cookie {@code XSRF-TOKEN}), then post the login
 * form with both. The answer carries the new session cookie.
 */
public final class Webapp {

    public static final String LOGIN = "/camunda/api/admin/auth/user/default/login/";

    private Webapp() {}

    /** A fresh visit to the app: the cookies to send back and the CSRF token. */
    public record Visit(String cookies, String csrfToken) {}

    public static Visit visit(ApiClient api, String app) {
        Reply page = api.get("/camunda/app/" + app + "/default/").send();
        String cookies = page.headers("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        return new Visit(cookies, page.header("X-XSRF-TOKEN").orElse(""));
    }

    public static Reply login(ApiClient api, String app, String user, String password) {
        Visit visit = visit(api, app);
        return api.post(LOGIN + app)
                .header("X-XSRF-TOKEN", visit.csrfToken())
                .cookie(visit.cookies())
                .form(Map.of("username", user == null ? "" : user, "password", password == null ? "" : password))
                .send();
    }

    /** The session cookie ({@code JSESSIONID=…}) a login answer set. */
    public static String sessionCookie(Reply login) {
        return login.headers("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie in " + login.headers()));
    }
}
