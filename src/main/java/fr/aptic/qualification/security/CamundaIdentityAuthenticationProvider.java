package fr.aptic.qualification.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against the engine's identity service (the same users and groups as
 * Tasklist); each engine group becomes an authority named after the group id. The engine throttles failed
 * attempts per user and locks the user for a while after each (for good after too many): a login while
 * locked is refused with {@link LoginThrottledException} (429), without even checking the password.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginThrottle throttle;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || !(credentials instanceof String password)) {
            throw new BadCredentialsException("Identifiants manquants");
        }
        var lock = throttle.lockOf(userId);
        if (lock.isPresent()) {
            throw new LoginThrottledException(lock.get());
        }
        if (!identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("Identifiant ou mot de passe incorrect");
        }
        return new UsernamePasswordAuthenticationToken(userId, null, authorities(userId));
    }

    List<SimpleGrantedAuthority> authorities(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
