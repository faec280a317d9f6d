package fr.aptic.qualification.territory;

import fr.aptic.qualification.engine.ProcessVariable;

/**
 * The campaign process ({@code bpmn/territorial-campaign.bpmn}): its key, element ids, messages and variables.
 * Each place to recruit is one instance of {@code SubProcess_RecruitPlace}, which works through candidates one
 * at a time until one is qualified or the directory has none left; candidate variables are local to it.
 */
public final class TerritorialCampaignProcess {

    public static final String KEY = "territorial-campaign";

    public static final String START = "StartEvent_CampaignOpened";
    public static final String RECRUIT_PLACE = "SubProcess_RecruitPlace";
    public static final String SELECT_CANDIDATE = "ServiceTask_SelectCandidate";
    public static final String CONTACT_CANDIDATE = "Task_ContactCandidate";
    public static final String RETRY_DELAY = "Event_RetryDelay";
    public static final String INVITE_CANDIDATE = "ServiceTask_InviteCandidate";
    public static final String AWAIT_APPLICATION = "Gateway_AwaitApplication";
    public static final String CANDIDATE_APPLIED = "Event_CandidateApplied";
    public static final String APPLICATION_ENDED = "Event_ApplicationEnded";
    public static final String INVITATION_EXPIRED = "Event_InvitationExpired";
    public static final String END_PLACE_RECRUITED = "EndEvent_PlaceRecruited";
    public static final String END_CANDIDATES_EXHAUSTED = "EndEvent_CandidatesExhausted";
    public static final String END_CAMPAIGN = "EndEvent_CampaignEnded";

    /** Correlated when the invited candidate submits its application (local variable {@link #CANDIDATE_ID}). */
    public static final String MESSAGE_CANDIDATE_APPLIED = "CandidateApplied";
    /** Correlated when the candidate's application reaches a final status. */
    public static final String MESSAGE_APPLICATION_ENDED = "CandidateApplicationEnded";

    public static final ProcessVariable<String> CAMPAIGN_ID = ProcessVariable.of("campaignId", String.class);
    public static final ProcessVariable<String> DEPARTEMENT = ProcessVariable.of("departement", String.class);
    /** The hub valid when the campaign opened, or null (the national team contacts candidates). */
    public static final ProcessVariable<String> HUB_ID = ProcessVariable.of("hubId", String.class);
    /** {@code hub-{hubId}} or {@code aptic-qualification}: the candidate group of the contact tasks. */
    public static final ProcessVariable<String> CONTACT_GROUP = ProcessVariable.of("contactGroup", String.class);
    /** How many producers to recruit: one {@code SubProcess_RecruitPlace} instance each. */
    public static final ProcessVariable<Integer> PLACES_TO_RECRUIT =
            ProcessVariable.of("placesToRecruit", Integer.class);

    // Local to each SubProcess_RecruitPlace instance.
    public static final ProcessVariable<Boolean> CANDIDATE_FOUND = ProcessVariable.of("candidateFound", Boolean.class);
    public static final ProcessVariable<String> CANDIDATE_ID = ProcessVariable.of("candidateId", String.class);
    public static final ProcessVariable<String> CANDIDATE_NAME = ProcessVariable.of("candidateName", String.class);
    public static final ProcessVariable<String> CANDIDATE_SIRET = ProcessVariable.of("candidateSiret", String.class);
    public static final ProcessVariable<String> CANDIDATE_ADDRESS =
            ProcessVariable.of("candidateAddress", String.class);
    public static final ProcessVariable<String> CANDIDATE_PHONE = ProcessVariable.of("candidatePhone", String.class);
    public static final ProcessVariable<String> CANDIDATE_EMAILS = ProcessVariable.of("candidateEmails", String.class);
    /** How many times the hub completed the contact task for this candidate (the retry condition reads it). */
    public static final ProcessVariable<Integer> CONTACT_ATTEMPTS =
            ProcessVariable.of("contactAttempts", Integer.class);
    /** The hub's answer: INTERESTED, DECLINED, CLOSED or UNREACHABLE. */
    public static final ProcessVariable<String> OUTCOME = ProcessVariable.of("outcome", String.class);
    /** Where the invitation goes; required when INTERESTED. */
    public static final ProcessVariable<String> CONTACT_EMAIL = ProcessVariable.of("contactEmail", String.class);

    public static final ProcessVariable<String> COMMENT = ProcessVariable.of("comment", String.class);
    /** Whether the candidate's application ended qualified. */
    public static final ProcessVariable<Boolean> PLACE_RECRUITED = ProcessVariable.of("placeRecruited", Boolean.class);

    private TerritorialCampaignProcess() {}
}
