package fr.aptic.qualification.application;

import java.time.Instant;
import java.util.List;

/** A stored application: what the API reports and what the processes read, without its full body. */
public record Application(
        String id,
        String siret,
        QualificationPath path,
        ApplicationStatus status,
        String outcome,
        String organisationName,
        String contactEmail,
        String departement,
        String reviewGroup,
        String campaignId,
        String networkId,
        String batchId,
        Boolean eligible,
        Integer score,
        List<String> reasons,
        Instant submittedAt,
        Instant updatedAt) {}
