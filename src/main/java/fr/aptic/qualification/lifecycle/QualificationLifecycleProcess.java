package fr.aptic.qualification.lifecycle;

import fr.aptic.qualification.engine.ProcessVariable;
import java.util.Date;

/** The lifecycle's process ({@code bpmn/qualification-lifecycle.bpmn}): its key, element ids and variables. */
public final class QualificationLifecycleProcess {

    public static final String KEY = "qualification-lifecycle";

    public static final String OPEN_TERM = "ServiceTask_OpenTerm";
    public static final String FIRST_NOTICE_DUE = "Event_FirstNoticeDue";
    public static final String FIRST_NOTICE = "ServiceTask_FirstNotice";
    public static final String SECOND_NOTICE_DUE = "Event_SecondNoticeDue";
    public static final String SECOND_NOTICE = "ServiceTask_SecondNotice";
    public static final String TERM_ENDS = "Event_TermEnds";
    public static final String GRACE_ENDS = "Event_GraceEnds";
    public static final String END_INELIGIBLE = "ServiceTask_EndIneligible";
    public static final String REFUSE_RENEWAL = "ServiceTask_RefuseRenewal";
    public static final String RENEW_WITH_AGREEMENT = "ServiceTask_RenewWithAgreement";
    public static final String REVIEW_RENEWAL = "Task_ReviewRenewal";
    public static final String DECIDE_REVOCATION = "Task_DecideRevocation";
    public static final String REINSTATEMENT_DECIDED = "Event_ReinstatementDecided";
    public static final String END_LAPSED = "EndEvent_Lapsed";
    public static final String END_NOT_RENEWED = "EndEvent_NotRenewed";

    public static final String MESSAGE_RENEWAL_CONFIRMED = "RenewalConfirmed";
    public static final String MESSAGE_AGREEMENT_EXTENDED = "AgreementExtended";
    public static final String MESSAGE_BREACH_REPORTED = "BreachReported";
    public static final String MESSAGE_REINSTATEMENT_DECIDED = "ReinstatementDecided";

    /** The application that was qualified: also the business key. */
    public static final ProcessVariable<String> APPLICATION_ID = ProcessVariable.of("applicationId", String.class);

    public static final ProcessVariable<String> SIRET = ProcessVariable.of("siret", String.class);
    public static final ProcessVariable<String> PATH = ProcessVariable.of("path", String.class);
    public static final ProcessVariable<String> NETWORK_ID = ProcessVariable.of("networkId", String.class);
    public static final ProcessVariable<String> DEPARTEMENT = ProcessVariable.of("departement", String.class);
    public static final ProcessVariable<String> REVIEW_GROUP = ProcessVariable.of("reviewGroup", String.class);
    public static final ProcessVariable<String> ORGANISATION_NAME =
            ProcessVariable.of("organisationName", String.class);

    /** The dates of the current term, which the timers read. */
    public static final ProcessVariable<Date> FIRST_NOTICE_AT = ProcessVariable.of("firstNoticeAt", Date.class);

    public static final ProcessVariable<Date> SECOND_NOTICE_AT = ProcessVariable.of("secondNoticeAt", Date.class);
    public static final ProcessVariable<Date> TERM_ENDS_AT = ProcessVariable.of("termEndsAt", Date.class);
    public static final ProcessVariable<Date> GRACE_ENDS_AT = ProcessVariable.of("graceEndsAt", Date.class);
    /** The last day of validity, ISO (2027-12-05). */
    public static final ProcessVariable<String> VALID_UNTIL = ProcessVariable.of("validUntil", String.class);

    /**
     * For a qualification granted before its lifecycle existed: the end date its contract gave it, which its first
     * term keeps (ISO date; read once, then cleared).
     */
    public static final ProcessVariable<String> INITIAL_VALID_UNTIL =
            ProcessVariable.of("initialValidUntil", String.class);

    /** How the qualification's current stretch ended: RENEWED, LAPSED or ENDED. */
    public static final ProcessVariable<String> TERM_OUTCOME = ProcessVariable.of("termOutcome", String.class);

    /** What the producer's confirmation changed: NONE, ELIGIBILITY or PLACES. */
    public static final ProcessVariable<String> RENEWAL_CHANGE = ProcessVariable.of("renewalChange", String.class);
    /** Whether the renewal notices are out: the producer may confirm from then on. */
    public static final ProcessVariable<Boolean> RENEWAL_OPEN = ProcessVariable.of("renewalOpen", Boolean.class);
    /** A network member that renewed on its own: its validity no longer follows the agreement. */
    public static final ProcessVariable<Boolean> RENEWED_ALONE = ProcessVariable.of("renewedAlone", Boolean.class);

    /** Who of the national team decided a revocation through the API (null: the report awaits their decision). */
    public static final ProcessVariable<String> REVOCATION_DECIDED_BY =
            ProcessVariable.of("revocationDecidedBy", String.class);

    public static final ProcessVariable<String> BREACH_REPORT = ProcessVariable.of("breachReport", String.class);
    public static final ProcessVariable<String> DECISION = ProcessVariable.of("decision", String.class);
    public static final ProcessVariable<String> REASON = ProcessVariable.of("reason", String.class);
    public static final ProcessVariable<String> COMMENT = ProcessVariable.of("comment", String.class);

    public static final String RENEWED = "RENEWED";
    public static final String LAPSED = "LAPSED";
    public static final String ENDED = "ENDED";

    private QualificationLifecycleProcess() {}
}
