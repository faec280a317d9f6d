package fr.aptic.qualification.site;

import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.site.Drafts.Draft;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Which draft a browser is writing: the id in its {@value #NAME} cookie (HttpOnly, SameSite=Lax, Secure outside
 * the demo, kept as long as drafts are).
 */
@Component
class DraftCookie {

    static final String NAME = "aptic_brouillon";

    private final Drafts drafts;
    private final boolean secure;

    DraftCookie(Drafts drafts, @Value("${server.servlet.session.cookie.secure:true}") boolean secure) {
        this.drafts = drafts;
        this.secure = secure;
    }

    Optional<Draft> find(String id) {
        return drafts.find(id);
    }

    /** The browser's draft, or a new empty one whose cookie goes out with the response. */
    Draft findOrCreate(String id, HttpServletResponse response) {
        return drafts.find(id).orElseGet(() -> start(ApplyForm.empty(), null, null, response));
    }

    /** A new draft (a change request's answer names its application and token), replacing the browser's. */
    Draft start(ApplicationRequest request, String applicationId, String token, HttpServletResponse response) {
        Draft draft = drafts.create(request, applicationId, token);
        response.addHeader(
                HttpHeaders.SET_COOKIE, cookie(draft.id(), Drafts.KEPT).toString());
        return draft;
    }

    void save(Draft draft) {
        drafts.save(draft);
    }

    /** Sent: the draft and its cookie go. */
    void forget(Draft draft, HttpServletResponse response) {
        drafts.delete(draft.id());
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString());
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .maxAge(maxAge)
                .build();
    }
}
