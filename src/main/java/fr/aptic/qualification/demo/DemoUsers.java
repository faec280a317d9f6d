package fr.aptic.qualification.demo;

import fr.aptic.qualification.security.AccessSetup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the demo users, all with the demo password: an administrator, the national team, the back office,
 * a process owner and one reviewer per hub ({@code reviewer-corse} in {@code hub-corse}…).
 */
@Component
@ConditionalOnProperty(name = "aptic.demo.enabled", havingValue = "true")
class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final String password;

    DemoUsers(@Value("${aptic.demo.password:demo}") String password) {
        this.password = password;
    }

    @EventListener
    void create(fr.aptic.qualification.engine.EngineReadyEvent event) {
        ProcessEngine engine = event.engine();
        IdentityService identity = engine.getIdentityService();
        user(identity, "admin", "Ada", "Admin", AccessSetup.ADMIN);
        user(identity, "national", "Nadia", "Nationale", AccessSetup.NATIONAL);
        user(identity, "backoffice", "Bruno", "Back-office", AccessSetup.BACK_OFFICE);
        user(identity, "owner", "Odile", "Processus", AccessSetup.PROCESS_OWNERS);
        for (String hubId : AccessSetup.hubIds()) {
            user(identity, "reviewer-" + hubId, "Instructeur", hubId, "hub-" + hubId);
        }
        log.info("Demo users ready (password '{}'): admin, national, backoffice, owner, reviewer-<hubId>", password);
    }

    private void user(IdentityService identity, String id, String first, String last, String group) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        var user = identity.newUser(id);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(id + "@demo.aptic.fr");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }
}
