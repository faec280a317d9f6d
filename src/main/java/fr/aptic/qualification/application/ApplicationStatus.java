package fr.aptic.qualification.application;

/** Where an application stands, as the API reports it. */
public enum ApplicationStatus {
    SUBMITTED,
    UNDER_REVIEW,
    CHANGES_REQUESTED,
    CONTRACTING,
    QUALIFIED,
    INELIGIBLE,
    REJECTED,
    WITHDRAWN,
    EXPIRED,
    LAPSED,
    REVOKED;

    /** Final statuses release the SIRET for a new application, except a current qualification. */
    public boolean isFinal() {
        return switch (this) {
            case QUALIFIED, INELIGIBLE, REJECTED, WITHDRAWN, EXPIRED, LAPSED, REVOKED -> true;
            default -> false;
        };
    }

    /** Whether the SIRET stays taken: an open application or a current qualification. */
    public boolean holdsSiret() {
        return !isFinal() || this == QUALIFIED;
    }
}
