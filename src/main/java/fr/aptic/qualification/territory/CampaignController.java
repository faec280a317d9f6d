package fr.aptic.qualification.territory;

import fr.aptic.qualification.application.ApplicationAccess;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationService;
import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's page (its hub and the national team) and the invited candidates' way into the free path (public, by invitation). */
@RestController
@RequestMapping("/api/campaigns/{campaignId}")
class CampaignController {

    private final CampaignService campaigns;
    private final CandidateApplications candidates;

    CampaignController(CampaignService campaigns, CandidateApplications candidates) {
        this.campaigns = campaigns;
        this.candidates = candidates;
    }

    @GetMapping
    CampaignView view(@PathVariable String campaignId, Authentication authentication) {
        return campaigns.view(campaignId, ApplicationAccess.of(authentication));
    }

    /** The invitation's link: the same body and answer as {@code POST /api/applications}, on the territorial path. */
    @PostMapping(path = "/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> apply(
            @PathVariable String campaignId,
            @RequestParam("invitation") String invitation,
            @RequestBody ApplicationRequest request) {
        ApplicationService.Submitted submitted = candidates.apply(campaignId, invitation, request);
        return ResponseEntity.created(URI.create("/api/applications/" + submitted.applicationId()))
                .body(Map.of(
                        "applicationId", submitted.applicationId(),
                        "trackingToken", submitted.trackingToken(),
                        "status", submitted.status()));
    }
}
