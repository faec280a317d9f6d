package fr.aptic.qualification.territory;

import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CANDIDATE_ID;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.PLACE_RECRUITED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ServiceTask_RecordApplicationOutcome}: whether the candidate's application ended qualified. */
@Component
class RecordApplicationOutcomeDelegate implements JavaDelegate {

    private final CandidateApplications candidates;

    RecordApplicationOutcomeDelegate(CandidateApplications candidates) {
        this.candidates = candidates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PLACE_RECRUITED.set(execution, candidates.recruited(CANDIDATE_ID.get(execution)));
    }
}
