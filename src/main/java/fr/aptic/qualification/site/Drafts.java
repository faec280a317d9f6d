package fr.aptic.qualification.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.application.ApplicationRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafts of the application form, in the database so that a reload, a failed step or another node loses nothing;
 * a browser finds its own by the random id in its cookie. Drafts untouched for {@link #KEPT} are removed.
 */
@Repository
class Drafts {

    static final Duration KEPT = Duration.ofDays(30);
    private static final Pattern ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    /**
     * A draft: a new application, or the answer to a change request on {@code applicationId}, whose tracking
     * token the applicant gave by opening their link.
     */
    public record Draft(String id, ApplicationRequest request, String applicationId, String trackingToken) {

        public boolean answersChangeRequest() {
            return applicationId != null;
        }

        Draft with(ApplicationRequest changed) {
            return new Draft(id, changed, applicationId, trackingToken);
        }
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Drafts(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The draft of a cookie's id; an id that is not ours (forged, expired) finds none. */
    Optional<Draft> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select id, body, application_id, tracking_token from app_site_draft where id = ?")
                .param(id)
                .query((rs, n) -> new Draft(
                        rs.getString("id"),
                        read(rs.getString("body")),
                        rs.getString("application_id"),
                        rs.getString("tracking_token")))
                .optional();
    }

    @Transactional
    Draft create(ApplicationRequest request, String applicationId, String trackingToken) {
        Instant now = Instant.now();
        jdbc.sql("delete from app_site_draft where updated_at < ?")
                .param(Timestamp.from(now.minus(KEPT)))
                .update();
        Draft draft = new Draft(UUID.randomUUID().toString(), request, applicationId, trackingToken);
        jdbc.sql("insert into app_site_draft (id, body, application_id, tracking_token, updated_at)"
                        + " values (?, ?, ?, ?, ?)")
                .params(draft.id(), write(request), applicationId, trackingToken, Timestamp.from(now))
                .update();
        return draft;
    }

    void save(Draft draft) {
        jdbc.sql("update app_site_draft set body = ?, updated_at = ? where id = ?")
                .params(write(draft.request()), Timestamp.from(Instant.now()), draft.id())
                .update();
    }

    void delete(String id) {
        jdbc.sql("delete from app_site_draft where id = ?").param(id).update();
    }

    private ApplicationRequest read(String body) {
        try {
            return json.readValue(body, ApplicationRequest.class);
        } catch (JsonProcessingException e) {
            // A draft written by an older version that no longer reads: start again rather than fail the page.
            return ApplyForm.empty();
        }
    }

    private String write(ApplicationRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a draft always serialises", e);
        }
    }
}
