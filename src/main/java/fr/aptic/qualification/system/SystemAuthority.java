package fr.aptic.qualification.system;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that our services make on the system's behalf (starting an application's process,
 * correlating an applicant's message) without the caller's engine authorizations: the service has already
 * decided that the caller may do this, and the engine must not refuse it for a caller who has no engine
 * permission at all, like an anonymous applicant.
 */
@Component
public class SystemAuthority {

    private final IdentityService identityService;

    public SystemAuthority(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** The user on whose behalf the engine currently works, if any (for the timeline's "who"). */
    public java.util.Optional<String> currentUser() {
        Authentication caller = identityService.getCurrentAuthentication();
        return caller == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(caller.getUserId());
    }
}
