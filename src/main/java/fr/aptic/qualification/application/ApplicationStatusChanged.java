package fr.aptic.qualification.application;

/**
 * Published (as a Spring event, in the same transaction) each time an application changes status, so that other
 * capabilities follow applications without the free path knowing them: a territorial campaign learns that its
 * candidate's application ended. {@code afterQualification}: the change belongs to the life of a qualification
 * (renewal, lapse, revocation, reinstatement), not to the application's way to it.
 */
public record ApplicationStatusChanged(
        String applicationId,
        ApplicationStatus status,
        QualificationPath path,
        String campaignId,
        boolean afterQualification) {}
