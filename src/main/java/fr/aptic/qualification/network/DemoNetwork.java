package fr.aptic.qualification.network;

import fr.aptic.qualification.engine.EngineReadyEvent;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo profile's network: {@code reseau-demo}, whose agreement runs from 2026 to 2030 and pays its members'
 * subscription, and its user {@code partenaire-demo} (demo password) in group {@code network-reseau-demo}.
 */
@Component
@ConditionalOnProperty(name = "aptic.demo.enabled", havingValue = "true")
class DemoNetwork {

    static final String NETWORK_ID = "reseau-demo";
    static final String USER = "partenaire-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);

    private final NetworkService networks;
    private final NetworkRepository repository;
    private final String password;

    DemoNetwork(
            NetworkService networks,
            NetworkRepository repository,
            @Value("${aptic.demo.password:demo}") String password) {
        this.networks = networks;
        this.repository = repository;
        this.password = password;
    }

    @EventListener
    void create(EngineReadyEvent event) {
        if (repository.find(NETWORK_ID).isEmpty()) {
            networks.create(
                    new NetworkRequest(
                            NETWORK_ID,
                            "Réseau de démonstration",
                            new NetworkRequest.Agreement(
                                    "CONV-DEMO-2026", LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31)),
                            true),
                    new NetworkAccess("demo", java.util.Set.of(fr.aptic.qualification.security.AccessSetup.NATIONAL)));
        }
        IdentityService identity = event.engine().getIdentityService();
        if (identity.createUserQuery().userId(USER).count() == 0) {
            var user = identity.newUser(USER);
            user.setFirstName("Partenaire");
            user.setLastName("Démo");
            user.setEmail(USER + "@demo.aptic.fr");
            user.setPassword(password);
            identity.saveUser(user);
            identity.createMembership(USER, Network.groupOf(NETWORK_ID));
            log.info("Demo network {} ready with user {}", NETWORK_ID, USER);
        }
    }
}
