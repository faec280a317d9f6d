package fr.aptic.qualification.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aptic.qualification.application.ApplicationAccess;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A qualification's life through the API: its state, the producer's renewal, a report of a breach, the national
 * team's revocation and reinstatement.
 */
@RestController
class QualificationController {

    static final String TOKEN_HEADER = "X-Tracking-Token";

    private final QualificationService qualifications;

    QualificationController(QualificationService qualifications) {
        this.qualifications = qualifications;
    }

    /** Staff who may read the application, or its producer with its tracking token or renewal link's token. */
    @GetMapping("/api/qualifications/{siret}")
    QualificationView view(
            @PathVariable String siret,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            Authentication authentication) {
        return qualifications.view(siret, token, ApplicationAccess.of(authentication));
    }

    /** The producer confirms: {@code {}} as it stands, or any subset of the application's fields changed. */
    @PostMapping(path = "/api/applications/{applicationId}/renewal", consumes = MediaType.APPLICATION_JSON_VALUE)
    QualificationView renew(
            @PathVariable String applicationId,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @RequestBody JsonNode changes) {
        return qualifications.confirmRenewal(applicationId, token, changes);
    }

    record Revocation(String reason, String comment) {}

    @PostMapping(path = "/api/qualifications/{siret}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    QualificationView revoke(
            @PathVariable String siret, @RequestBody Revocation revocation, Authentication authentication) {
        return qualifications.revoke(
                siret, revocation.reason(), revocation.comment(), ApplicationAccess.of(authentication));
    }

    record Reinstatement(String comment) {}

    @PostMapping(path = "/api/qualifications/{siret}/reinstatement", consumes = MediaType.APPLICATION_JSON_VALUE)
    QualificationView reinstate(
            @PathVariable String siret, @RequestBody Reinstatement reinstatement, Authentication authentication) {
        return qualifications.reinstate(siret, reinstatement.comment(), ApplicationAccess.of(authentication));
    }

    record Report(String report) {}

    @PostMapping(path = "/api/qualifications/{siret}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    QualificationView report(@PathVariable String siret, @RequestBody Report report, Authentication authentication) {
        return qualifications.report(siret, report.report(), ApplicationAccess.of(authentication));
    }
}
