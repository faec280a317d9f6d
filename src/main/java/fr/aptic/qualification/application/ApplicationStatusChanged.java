package fr.aptic.qualification.application;

/**
 * Published (as a Spring event, in the same transaction) each time an application changes status, so that other
 * capabilities follow applications without the free path knowing them: a territorial campaign learns that its
 * candidate's application ended.
 */
public record ApplicationStatusChanged(
        String applicationId, ApplicationStatus status, QualificationPath path, String campaignId) {}
