package fr.aptic.qualification.territory;

import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CANDIDATE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordInvitationExpired}: the invited candidate never applied; its link no longer works. */
@Component
class RecordInvitationExpiredDelegate implements JavaDelegate {

    private final CampaignService campaigns;

    RecordInvitationExpiredDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        campaigns.invitationExpired(CANDIDATE_ID.get(execution));
    }
}
