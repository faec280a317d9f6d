package fr.aptic.qualification.application;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The free path's public API: submit, follow, complete and withdraw an application. */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {

    static final String TOKEN_HEADER = "X-Tracking-Token";

    private final ApplicationService applications;

    ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> submit(@RequestBody ApplicationRequest request) {
        ApplicationService.Submitted submitted = applications.submit(request, ApplicationService.Origin.free());
        return ResponseEntity.created(URI.create("/api/applications/" + submitted.applicationId()))
                .body(Map.of(
                        "applicationId", submitted.applicationId(),
                        "trackingToken", submitted.trackingToken(),
                        "status", submitted.status()));
    }

    @GetMapping("/{applicationId}")
    ApplicationView view(
            @PathVariable String applicationId,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            Authentication authentication) {
        return applications.view(applicationId, token, ApplicationAccess.of(authentication));
    }

    @PostMapping(path = "/{applicationId}/complements", consumes = MediaType.APPLICATION_JSON_VALUE)
    ApplicationView complements(
            @PathVariable String applicationId,
            @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @RequestBody JsonNode patch) {
        return applications.complements(applicationId, token, patch, ApplicationAccess.ANONYMOUS);
    }

    @PostMapping("/{applicationId}/withdrawal")
    ApplicationView withdraw(
            @PathVariable String applicationId, @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        return applications.withdraw(applicationId, token, ApplicationAccess.ANONYMOUS);
    }
}
