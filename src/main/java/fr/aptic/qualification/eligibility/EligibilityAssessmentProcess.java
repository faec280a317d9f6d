package fr.aptic.qualification.eligibility;

import fr.aptic.qualification.engine.ProcessVariable;

/**
 * The shared call activity {@code bpmn/eligibility-assessment.bpmn} and the decisions it evaluates: keys,
 * element ids and the variables decision tables read.
 */
public final class EligibilityAssessmentProcess {

    public static final String KEY = "eligibility-assessment";
    public static final String ELIGIBILITY_DECISION = "eligibility";
    public static final String CHARTER_DECISION = "charter-compliance";
    public static final String HUB_ROUTING_DECISION = "hub-routing";
    public static final String REVIEW_ROUTING_DECISION = "review-routing";

    public static final String ELIGIBILITY = "BusinessRuleTask_Eligibility";
    public static final String HUB_ROUTING = "BusinessRuleTask_HubRouting";
    public static final String REVIEW_ROUTING = "BusinessRuleTask_ReviewRouting";
    /** Describes the territory's consolidation ratio for the reviewer (delegate in the territory package). */
    public static final String DESCRIBE_CONSOLIDATION = "ServiceTask_DescribeConsolidation";

    /** The routing date hub-routing reads (ISO date, Europe/Paris). */
    public static final ProcessVariable<String> ROUTING_DATE = ProcessVariable.of("routingDate", String.class);
    /** The network whose group attests a network member; null on the other paths. */
    public static final ProcessVariable<String> NETWORK_ID = ProcessVariable.of("networkId", String.class);

    public static final ProcessVariable<String> ORGANISATION_NAME =
            ProcessVariable.of("organisationName", String.class);
    public static final ProcessVariable<String> SIRET = ProcessVariable.of("siret", String.class);
    /** A one-line summary of the places, for the reviewer's form. */
    public static final ProcessVariable<String> PLACES_SUMMARY = ProcessVariable.of("placesSummary", String.class);
    /** The territory's consolidation status in one French sentence, for the reviewer's form. */
    public static final ProcessVariable<String> CONSOLIDATION_STATUS =
            ProcessVariable.of("consolidationStatus", String.class);

    private EligibilityAssessmentProcess() {}
}
