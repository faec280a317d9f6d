package fr.aptic.qualification.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that our services make on the system's behalf (starting an application's process,
 * correlating an applicant's message) without the caller's engine authorizations: the service has already
 * decided that the caller may do this, and the engine must not refuse it for a caller who has no engine
 * permission at all, like an anonymous applicant.
 */
@Component
public class SystemAuthority {

    /** The actor the timeline shows for what a tracking-token holder does (they have no user id). */
    public static final String APPLICANT = "applicant";

    private static final ThreadLocal<String> ON_BEHALF_OF = new ThreadLocal<>();

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

    /**
     * Like {@link #call}, also from inside the engine (a delegate, a listener, a job): inside a command the
     * engine checks the command's authorizations, whoever the caller was, so the work runs without them. A hub
     * reviewer's or the back office's task completion may lead a process on (correlating a message, evaluating
     * a decision) that their own permissions do not cover, and must not be refused for it.
     */
    public <T> T callAnywhere(Supplier<T> work) {
        CommandContext context = Context.getCommandContext();
        if (context != null) {
            return context.runWithoutAuthorization(work::get);
        }
        return call(work);
    }

    public void runAnywhere(Runnable work) {
        callAnywhere(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Like {@link #call}, for someone who has no engine user (an applicant with their tracking token): what
     * the work records in the timeline names them as its actor.
     */
    public <T> T callOnBehalfOf(String actor, Supplier<T> work) {
        String previous = ON_BEHALF_OF.get();
        ON_BEHALF_OF.set(actor);
        try {
            return call(work);
        } finally {
            if (previous == null) {
                ON_BEHALF_OF.remove();
            } else {
                ON_BEHALF_OF.set(previous);
            }
        }
    }

    public void runOnBehalfOf(String actor, Runnable work) {
        callOnBehalfOf(actor, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Who the engine currently works for, if anyone (for the timeline's "who"): the authenticated user, or the
     * actor of {@link #callOnBehalfOf}.
     */
    public java.util.Optional<String> currentUser() {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller != null && caller.getUserId() != null) {
            return java.util.Optional.of(caller.getUserId());
        }
        return java.util.Optional.ofNullable(ON_BEHALF_OF.get());
    }
}
