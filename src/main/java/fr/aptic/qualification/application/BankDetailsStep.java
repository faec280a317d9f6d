package fr.aptic.qualification.application;

/**
 * The contract step that waits for an applicant's bank details, as the application sees it: the applicant
 * answers it through {@code POST .../complements} like a change request. The contracting room implements it, so
 * that this room does not depend on that one.
 */
public interface BankDetailsStep {

    /** Whether the application's contracting is waiting for its bank details. */
    boolean awaits(String applicationId);

    /** The BPMN message that hands the bank details to the waiting step. */
    String message();
}
