package fr.aptic.qualification.territory;

import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CAMPAIGN_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_EndCampaign}: every place is recruited or has run out of candidates; the territory may get a new campaign. */
@Component
class EndCampaignDelegate implements JavaDelegate {

    private final CampaignService campaigns;

    EndCampaignDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        campaigns.end(CAMPAIGN_ID.get(execution));
    }
}
