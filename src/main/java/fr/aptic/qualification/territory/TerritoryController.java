package fr.aptic.qualification.territory;

import fr.aptic.qualification.application.ApplicationAccess;
import fr.aptic.qualification.web.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A territory's passes and consolidation: funders' injections (national team) and the ratio (staff, its hub). */
@RestController
@RequestMapping("/api/territories/{departement}")
class TerritoryController {

    private final InjectionService injections;
    private final ConsolidationService consolidations;

    TerritoryController(InjectionService injections, ConsolidationService consolidations) {
        this.injections = injections;
        this.consolidations = consolidations;
    }

    @PostMapping(path = "/pass-injections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyAuthority('aptic-qualification', 'camunda-admin')")
    ResponseEntity<Map<String, Object>> inject(
            @PathVariable String departement, @RequestBody PassInjectionRequest request) {
        InjectionService.Recorded recorded = injections.record(departement, request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("injectionId", recorded.injectionId());
        body.put("consolidation", recorded.consolidation());
        body.put("campaignId", recorded.campaignId());
        body.put("campaignOpened", recorded.campaignOpened());
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    @GetMapping("/consolidation")
    Consolidation consolidation(@PathVariable String departement, Authentication authentication) {
        injections.requireDepartement(departement);
        Consolidation consolidation = consolidations.of(departement);
        if (!TerritoryAccess.mayRead(ApplicationAccess.of(authentication), consolidation.hubId())) {
            throw ProblemException.forbidden("Réservé à l'équipe nationale et au hub du territoire");
        }
        return consolidation;
    }
}
