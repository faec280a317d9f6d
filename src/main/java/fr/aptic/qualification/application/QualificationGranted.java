package fr.aptic.qualification.application;

/**
 * Published (as a Spring event, in the same transaction) when an application of any path ends qualified: the life
 * of the qualification (renewal, lapse, revocation) starts from it.
 */
public record QualificationGranted(Application application) {}
