package fr.aptic.qualification.application;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * What an authenticated staff member may read of applications: the national team, the back office and
 * administrators read all; a hub reads what is routed to it; a network reads its members.
 */
public record ApplicationAccess(String userId, Set<String> groups) {

    public static final ApplicationAccess ANONYMOUS = new ApplicationAccess(null, Set.of());
    static final Set<String> NATIONAL = Set.of("aptic-qualification", "aptic-back-office", "camunda-admin");

    public static ApplicationAccess of(Authentication authentication) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication.getName() == null
                || "anonymousUser".equals(authentication.getName())) {
            return ANONYMOUS;
        }
        return new ApplicationAccess(
                authentication.getName(),
                authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isNational() {
        return groups.stream().anyMatch(NATIONAL::contains);
    }

    public boolean mayRead(Application application) {
        return isNational()
                || (application.reviewGroup() != null && groups.contains(application.reviewGroup()))
                || (application.networkId() != null && groups.contains("network-" + application.networkId()));
    }
}
