package fr.aptic.qualification.territory;

import fr.aptic.qualification.system.SystemAuthority;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls on the system's behalf, from a web request as from inside the engine: a hub reviewer's or
 * the back office's task completion may lead a campaign on (correlating a message, evaluating a decision) that
 * their own engine permissions do not cover, and must not be refused for it.
 */
@Component
class AsSystem {

    private final SystemAuthority authority;

    AsSystem(SystemAuthority authority) {
        this.authority = authority;
    }

    <T> T call(Supplier<T> work) {
        CommandContext context = Context.getCommandContext();
        if (context != null) {
            // Inside a command the engine checks the command's authorizations, whoever the caller was.
            return context.runWithoutAuthorization(work::get);
        }
        return authority.call(work);
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
