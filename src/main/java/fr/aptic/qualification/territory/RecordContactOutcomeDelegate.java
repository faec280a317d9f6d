package fr.aptic.qualification.territory;

import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CANDIDATE_ID;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordContactOutcome}: the candidate declined, is closed, or stayed unreachable after every retry. */
@Component
class RecordContactOutcomeDelegate implements JavaDelegate {

    private final CampaignService campaigns;

    RecordContactOutcomeDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        campaigns.recordContactOutcome(CANDIDATE_ID.get(execution), OUTCOME.get(execution));
    }
}
