package fr.aptic.qualification.territory;

import fr.aptic.qualification.application.ApplicationStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows the applications of campaign candidates: when one ends, the campaign goes on (the next candidate for
 * that place, or the place is recruited). Runs in the transaction of the status change, so both commit together.
 */
@Component
class CandidateApplications {

    private final CampaignService campaigns;

    CandidateApplications(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @EventListener
    void onStatusChanged(ApplicationStatusChanged change) {
        campaigns.applicationChanged(change);
    }
}
