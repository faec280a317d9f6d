package fr.aptic.qualification.territory;

import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CANDIDATE_ID;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CONTACT_EMAIL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_InviteCandidate}: mails the interested candidate its personal link to apply. */
@Component
class InviteCandidateDelegate implements JavaDelegate {

    private final CampaignService campaigns;

    InviteCandidateDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        campaigns.invite(CANDIDATE_ID.get(execution), CONTACT_EMAIL.get(execution));
    }
}
