package fr.aptic.qualification.application;

import fr.aptic.qualification.engine.ProcessVariable;

/** The free path's process ({@code bpmn/free-qualification.bpmn}): its key, element ids and variables. */
public final class FreeQualificationProcess {

    public static final String KEY = "free-qualification";

    public static final String START = "StartEvent_ApplicationSubmitted";
    public static final String ASSESS_ELIGIBILITY = "CallActivity_AssessEligibility";
    public static final String REVIEW = "Task_ReviewApplication";
    public static final String REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
    public static final String AWAIT_COMPLEMENTS = "Gateway_AwaitComplements";
    public static final String COMPLEMENTS_RECEIVED = "Event_ComplementsReceived";
    public static final String COMPLEMENTS_OVERDUE = "Event_ComplementsOverdue";
    public static final String CONTRACTING = "CallActivity_Contracting";
    public static final String END_QUALIFIED = "EndEvent_Qualified";
    public static final String END_INELIGIBLE = "EndEvent_Ineligible";
    public static final String END_REJECTED = "EndEvent_Rejected";
    public static final String END_EXPIRED = "EndEvent_Expired";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
    public static final String END_CONTRACT_NOT_CONCLUDED = "EndEvent_ContractNotConcluded";

    public static final String MESSAGE_COMPLEMENTS = "ComplementsReceived";
    public static final String MESSAGE_WITHDRAWAL = "WithdrawalRequested";

    /** Every application process carries its application's id (also its business key). */
    public static final ProcessVariable<String> APPLICATION_ID = ProcessVariable.of("applicationId", String.class);
    /** FREE, TERRITORIAL or NETWORK: the review routing reads it. */
    public static final ProcessVariable<String> PATH = ProcessVariable.of("path", String.class);

    public static final ProcessVariable<Boolean> ELIGIBLE = ProcessVariable.of("eligible", Boolean.class);
    public static final ProcessVariable<Integer> SCORE = ProcessVariable.of("score", Integer.class);
    /** The assessment's reason codes joined with ", ", for the reviewer's form. */
    public static final ProcessVariable<String> REASONS_TEXT = ProcessVariable.of("reasonsText", String.class);
    /**
     * The assessment in French words, for the reviewer's form: written by the server from the score and the reason
     * codes as the review task is created (nothing a person typed), read-only in the form.
     */
    public static final ProcessVariable<String> REASONS_IN_WORDS = ProcessVariable.of("reasonsInWords", String.class);

    public static final ProcessVariable<String> DEPARTEMENT = ProcessVariable.of("departement", String.class);
    public static final ProcessVariable<String> HUB_ID = ProcessVariable.of("hubId", String.class);
    public static final ProcessVariable<String> REVIEW_GROUP = ProcessVariable.of("reviewGroup", String.class);

    /** The reviewer's decision: APPROVE, REJECT or REQUEST_CHANGES. */
    public static final ProcessVariable<String> DECISION = ProcessVariable.of("decision", String.class);

    public static final ProcessVariable<String> REASON = ProcessVariable.of("reason", String.class);
    public static final ProcessVariable<String> COMMENT = ProcessVariable.of("comment", String.class);

    public static final ProcessVariable<Boolean> CONTRACTED = ProcessVariable.of("contracted", Boolean.class);

    private FreeQualificationProcess() {}
}
