package fr.aptic.qualification.territory;

import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CAMPAIGN_ID;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CANDIDATE_ADDRESS;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CANDIDATE_EMAILS;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CANDIDATE_FOUND;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CANDIDATE_ID;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CANDIDATE_NAME;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CANDIDATE_PHONE;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CANDIDATE_SIRET;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.COMMENT;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CONTACT_ATTEMPTS;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.CONTACT_EMAIL;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.OUTCOME;
import static fr.aptic.qualification.territory.TerritorialCampaignProcess.PLACE_RECRUITED;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceTask_SelectCandidate}: picks the next candidate for this place to recruit and sets what the
 * contact form shows. Every candidate variable is local to the {@code SubProcess_RecruitPlace} instance, so that
 * parallel places and the hub's answers (completed into the nearest scope that holds them) never mix.
 */
@Component
class SelectCandidateDelegate implements JavaDelegate {

    private final CampaignService campaigns;

    SelectCandidateDelegate(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<CampaignService.Selected> selected = campaigns.selectCandidate(CAMPAIGN_ID.get(execution));
        DirectoryPlace place = selected.map(CampaignService.Selected::place).orElse(null);
        CANDIDATE_FOUND.setLocal(execution, selected.isPresent());
        CANDIDATE_ID.setLocal(
                execution, selected.map(CampaignService.Selected::candidateId).orElse(null));
        CANDIDATE_NAME.setLocal(execution, place == null ? null : place.name());
        CANDIDATE_SIRET.setLocal(execution, place == null ? null : place.siret());
        CANDIDATE_ADDRESS.setLocal(execution, place == null ? null : place.fullAddress());
        CANDIDATE_PHONE.setLocal(execution, place == null ? null : place.phone());
        CANDIDATE_EMAILS.setLocal(execution, place == null ? null : place.emails());
        CONTACT_ATTEMPTS.setLocal(execution, 0);
        OUTCOME.setLocal(execution, null);
        CONTACT_EMAIL.setLocal(execution, null);
        COMMENT.setLocal(execution, null);
        PLACE_RECRUITED.setLocal(execution, false);
    }
}
