package fr.aptic.qualification.network;

import fr.aptic.qualification.security.AccessSetup;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What the caller may do with networks: the national team (and administrators) manage them and act for any
 * network, the back office reads them, a network's users read and act for their own network only.
 */
record NetworkAccess(String userId, Set<String> groups) {

    static NetworkAccess of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return new NetworkAccess(null, Set.of());
        }
        return new NetworkAccess(
                authentication.getName(),
                authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .collect(Collectors.toUnmodifiableSet()));
    }

    /** Creates networks and submits batches for any of them. */
    boolean isNationalTeam() {
        return groups.contains(AccessSetup.NATIONAL) || groups.contains(AccessSetup.ADMIN);
    }

    boolean isStaff() {
        return isNationalTeam() || groups.contains(AccessSetup.BACK_OFFICE);
    }

    boolean isMemberOf(String networkId) {
        return groups.contains(Network.groupOf(networkId));
    }

    boolean mayRead(String networkId) {
        return isStaff() || isMemberOf(networkId);
    }

    boolean mayActFor(String networkId) {
        return isNationalTeam() || isMemberOf(networkId);
    }
}
