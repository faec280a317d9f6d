package fr.aptic.qualification.network;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bulk attestation: a network's user attests or refuses many members with one decision. */
@RestController
class AttestationController {

    private final AttestationService attestations;

    AttestationController(AttestationService attestations) {
        this.attestations = attestations;
    }

    @PostMapping(path = "/api/networks/{networkId}/attestations", consumes = MediaType.APPLICATION_JSON_VALUE)
    AttestationAnswer attest(
            @PathVariable String networkId, @RequestBody AttestationRequest request, Authentication authentication) {
        return attestations.attest(networkId, request, NetworkAccess.of(authentication));
    }
}
