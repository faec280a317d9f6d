package fr.aptic.qualification.security;

import fr.aptic.qualification.engine.SystemAuthority;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Tells whether the engine currently refuses a user's logins: after each failed attempt the engine locks the
 * user for a growing delay ({@code loginDelayBase} × {@code loginDelayFactor}^attempts, at most
 * {@code loginDelayMaxTime} seconds), and for good after {@code loginMaxAttempts} (an administrator unlocks
 * them in Admin). The engine itself then just answers "wrong password"; we answer 429 with the wait instead,
 * on HTTP Basic and on the webapps' login alike.
 */
@Component
public class LoginThrottle {

    /** A refused login: the time left, or empty when only an administrator can unlock the user. */
    public record Lock(Optional<Duration> remaining) {
        public String message() {
            return remaining
                    .map(wait -> "Trop d'échecs de connexion : réessayez dans " + seconds(wait) + " secondes")
                    .orElse("Compte verrouillé après trop d'échecs de connexion : un administrateur doit le débloquer");
        }

        public Optional<Long> retryAfterSeconds() {
            return remaining.map(LoginThrottle::seconds);
        }
    }

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl configuration;
    private final SystemAuthority authority;

    LoginThrottle(
            IdentityService identityService, ProcessEngineConfiguration configuration, SystemAuthority authority) {
        this.identityService = identityService;
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
        this.authority = authority;
    }

    /** The lock on this user's logins right now, if any (an unknown user is never locked). */
    public Optional<Lock> lockOf(String userId) {
        if (userId == null || userId.isBlank() || userId.length() > 128) {
            return Optional.empty();
        }
        var user = authority.call(
                () -> identityService.createUserQuery().userId(userId).singleResult());
        if (!(user instanceof UserEntity entity)) {
            return Optional.empty();
        }
        if (entity.getAttempts() >= configuration.getLoginMaxAttempts()) {
            return Optional.of(new Lock(Optional.empty()));
        }
        if (entity.getLockExpirationTime() == null) {
            return Optional.empty();
        }
        Duration remaining = Duration.between(
                ClockUtil.getCurrentTime().toInstant(),
                Instant.ofEpochMilli(entity.getLockExpirationTime().getTime()));
        return remaining.isNegative() || remaining.isZero()
                ? Optional.empty()
                : Optional.of(new Lock(Optional.of(remaining)));
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
