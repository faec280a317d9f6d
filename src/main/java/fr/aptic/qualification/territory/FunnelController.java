package fr.aptic.qualification.territory;

import fr.aptic.qualification.application.ApplicationAccess;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The funnel report: the national team, or a hub for its own territories and campaigns. */
@RestController
class FunnelController {

    private final FunnelService funnel;

    FunnelController(FunnelService funnel) {
        this.funnel = funnel;
    }

    @GetMapping("/api/reports/funnel")
    FunnelReport funnel(
            @RequestParam(required = false) String departement,
            @RequestParam(required = false) String path,
            @RequestParam(required = false) String campaignId,
            Authentication authentication) {
        return funnel.report(
                blankToNull(departement),
                blankToNull(path),
                blankToNull(campaignId),
                ApplicationAccess.of(authentication));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
