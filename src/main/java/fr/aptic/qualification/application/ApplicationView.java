package fr.aptic.qualification.application;

import java.util.List;

/** An application as {@code GET /api/applications/{id}} shows it. */
public record ApplicationView(
        String applicationId,
        String siret,
        QualificationPath path,
        ApplicationStatus status,
        String outcome,
        List<String> reasons,
        Integer score,
        String reviewGroup,
        String departement,
        String campaignId,
        String networkId,
        String batchId,
        List<TimelineEvent> timeline) {

    static ApplicationView of(Application application, List<TimelineEvent> timeline) {
        return new ApplicationView(
                application.id(),
                application.siret(),
                application.path(),
                application.status(),
                application.outcome(),
                application.reasons(),
                application.score(),
                application.reviewGroup(),
                application.departement(),
                application.campaignId(),
                application.networkId(),
                application.batchId(),
                timeline);
    }
}
