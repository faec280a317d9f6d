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

    /**
     * Whether the SIRET stays taken: an open application or a qualification that lives on. A lapsed qualification
     * holds it while it can be taken up again (the lifecycle releases it at the end of that delay); a revoked one
     * holds it until the national team reinstates it.
     */
    public boolean holdsSiret() {
        return !isFinal() || this == QUALIFIED || this == LAPSED || this == REVOKED;
    }

    /** The statuses of a qualification's life after it was granted. */
    public boolean isQualificationState() {
        return this == QUALIFIED || this == LAPSED || this == REVOKED;
    }
}
