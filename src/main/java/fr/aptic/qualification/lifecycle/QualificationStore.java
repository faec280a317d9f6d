package fr.aptic.qualification.lifecycle;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the lifecycle keeps beside an application: validity, renewal token, revocation, the SIRET's release. */
@Repository
class QualificationStore {

    private final JdbcClient jdbc;

    QualificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The qualification of a SIRET: its latest application that was ever qualified. */
    Optional<String> applicationOf(String siret) {
        return jdbc
                .sql("select id from app_application where siret = ? and qualified_until is not null"
                        + " order by submitted_at desc, id")
                .param(siret)
                .query(String.class)
                .list()
                .stream()
                .findFirst();
    }

    void recordValidity(String applicationId, LocalDate validUntil) {
        jdbc.sql("update app_application set qualified_until = ? where id = ?")
                .params(validUntil, applicationId)
                .update();
    }

    Optional<LocalDate> validUntil(String applicationId) {
        return jdbc.sql("select qualified_until from app_application where id = ?")
                .param(applicationId)
                .query(LocalDate.class)
                .optional();
    }

    void recordRenewalToken(String applicationId, String tokenHash) {
        jdbc.sql("update app_application set renewal_token_hash = ? where id = ?")
                .params(tokenHash, applicationId)
                .update();
    }

    Optional<String> renewalTokenHash(String applicationId) {
        return jdbc.sql("select renewal_token_hash from app_application where id = ?")
                .param(applicationId)
                .query(String.class)
                .optional();
    }

    record Revocation(String reason, String comment) {}

    void recordRevocation(String applicationId, Revocation revocation) {
        jdbc.sql("update app_application set revocation_reason = ?, revocation_comment = ? where id = ?")
                .params(
                        revocation == null ? null : revocation.reason(),
                        revocation == null ? null : revocation.comment(),
                        applicationId)
                .update();
    }

    Optional<Revocation> revocation(String applicationId) {
        return jdbc.sql("select revocation_reason, revocation_comment from app_application where id = ?")
                .param(applicationId)
                .query((rs, row) -> rs.getString(1) == null ? null : new Revocation(rs.getString(1), rs.getString(2)))
                .optional();
    }

    /** The SIRET is free for a new application (the lapsed qualification can no longer be taken up). */
    void releaseSiret(String applicationId) {
        jdbc.sql("update app_application set active_siret = null where id = ?")
                .param(applicationId)
                .update();
    }
}
