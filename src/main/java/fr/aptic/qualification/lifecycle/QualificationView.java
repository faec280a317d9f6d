package fr.aptic.qualification.lifecycle;

import fr.aptic.qualification.application.Application;
import fr.aptic.qualification.application.TimelineEvent;
import java.time.LocalDate;
import java.util.List;

/**
 * A qualification as {@code GET /api/qualifications/{siret}} shows it: its current state, its end date, what the
 * producer may do now, the revocation's reason in words, and the history of the application that was qualified.
 *
 * @param renewalOpen the producer may confirm (the notices are out, or the qualification lapsed and can be taken up)
 * @param canBeTakenUpUntil for a lapsed qualification, the last day to take it up without a new application
 */
public record QualificationView(
        String siret,
        String applicationId,
        String organisationName,
        String path,
        String departement,
        String networkId,
        String status,
        LocalDate validUntil,
        boolean renewalOpen,
        LocalDate canBeTakenUpUntil,
        Revocation revocation,
        List<TimelineEvent> history) {

    /** Why the national team revoked: the table's code, its words and the comment. */
    public record Revocation(String reason, String reasonInWords, String comment) {}

    static QualificationView of(
            Application application,
            LocalDate validUntil,
            boolean renewalOpen,
            LocalDate canBeTakenUpUntil,
            Revocation revocation,
            List<TimelineEvent> history) {
        return new QualificationView(
                application.siret(),
                application.id(),
                application.organisationName(),
                application.path().name(),
                application.departement(),
                application.networkId(),
                application.status().name(),
                validUntil,
                renewalOpen,
                canBeTakenUpUntil,
                revocation,
                history);
    }
}
