package fr.aptic.qualification.network;

import fr.aptic.qualification.engine.ProcessVariable;

/**
 * A network member's process ({@code bpmn/network-member-qualification.bpmn}, business key = application id):
 * assessment, the partner's attestation, the audit by sample, contracting. Shares the free path's variables
 * ({@code FreeQualificationProcess}: applicationId, path, eligible, reviewGroup, decision, reason, comment...).
 */
public final class NetworkMemberProcess {

    public static final String KEY = "network-member-qualification";

    public static final String START = "StartEvent_MemberSubmitted";
    public static final String ASSESS_ELIGIBILITY = "CallActivity_AssessEligibility";
    public static final String ATTEST = "Task_AttestMember";
    public static final String AUDIT_DECISION = "BusinessRuleTask_NetworkAudit";
    public static final String AUDIT = "Task_AuditMember";
    public static final String CONTRACTING = "CallActivity_Contracting";
    public static final String END_QUALIFIED = "EndEvent_Qualified";
    public static final String END_INELIGIBLE = "EndEvent_Ineligible";
    public static final String END_REJECTED = "EndEvent_Rejected";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

    public static final String AUDIT_DECISION_KEY = "network-audit";

    /** The partner's decision on {@code Task_AttestMember}. */
    public static final String ATTESTED = "ATTEST";

    public static final String REFUSED = "REFUSE";
    /** The national team's decision on {@code Task_AuditMember}. */
    public static final String APPROVED = "APPROVE";

    public static final String REJECTED = "REJECT";

    /** Whether the national team audits this member, and why (network-audit's outputs). */
    public static final ProcessVariable<Boolean> AUDIT_REQUIRED = ProcessVariable.of("audit", Boolean.class);

    public static final ProcessVariable<String> AUDIT_REASON = ProcessVariable.of("auditReason", String.class);
    /** The member's rank among its network's members (network-audit's input). */
    public static final ProcessVariable<Integer> MEMBER_RANK = ProcessVariable.of("memberRank", Integer.class);

    private NetworkMemberProcess() {}
}
