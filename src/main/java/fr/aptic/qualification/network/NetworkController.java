package fr.aptic.qualification.network;

import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Network partners: created by the national team, read by staff and by the network's own users. */
@RestController
@RequestMapping("/api/networks")
class NetworkController {

    private final NetworkService networks;

    NetworkController(NetworkService networks) {
        this.networks = networks;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<NetworkView> create(@RequestBody NetworkRequest request, Authentication authentication) {
        NetworkView network = networks.create(request, NetworkAccess.of(authentication));
        return ResponseEntity.created(URI.create("/api/networks/" + network.networkId()))
                .body(network);
    }

    @GetMapping
    List<NetworkView> list(Authentication authentication) {
        return networks.list(NetworkAccess.of(authentication));
    }

    /** Extends the network's agreement: {@code {"validUntil": "2028-12-31", "reference": "..."}}. */
    @PutMapping(path = "/{networkId}/agreement", consumes = MediaType.APPLICATION_JSON_VALUE)
    NetworkView extendAgreement(
            @PathVariable String networkId,
            @RequestBody NetworkRequest.Agreement agreement,
            Authentication authentication) {
        return networks.extendAgreement(networkId, agreement, NetworkAccess.of(authentication));
    }

    @GetMapping("/{networkId}")
    NetworkView view(@PathVariable String networkId, Authentication authentication) {
        return networks.view(networkId, NetworkAccess.of(authentication));
    }
}
