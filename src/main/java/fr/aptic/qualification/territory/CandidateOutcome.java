package fr.aptic.qualification.territory;

/**
 * Where a campaign's candidate stands before it applies (once it has, its application's status speaks):
 * waiting for the hub's call, invited, or out of the funnel as le tri counts it.
 */
enum CandidateOutcome {
    CONTACT_PENDING,
    INVITED,
    /** The place no longer exists: the directory entry was wrong (directory correction). */
    CLOSED,
    /** The producer does not want to be qualified (model choice). */
    DECLINED,
    /** Not reached after every retry. */
    UNREACHABLE,
    /** Interested, invited, but never applied. */
    EXPIRED;

    boolean isFinal() {
        return this != CONTACT_PENDING && this != INVITED;
    }
}
