package fr.aptic.qualification.security;

import fr.aptic.qualification.engine.EngineReadyEvent;
import fr.aptic.qualification.engine.StartupOrder;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/**
 * Once the models are deployed: ensures the contract's groups, authorizations and Tasklist filters, creates the
 * administrator from the environment when one is given, and publishes {@link EngineReadyEvent}.
 */
@Configuration
class AccessStartup {

    private static final Logger log = LoggerFactory.getLogger(AccessStartup.class);

    private final String adminUser;
    private final String adminPassword;
    private final ApplicationEventPublisher events;

    AccessStartup(
            @Value("${aptic.admin.user:}") String adminUser,
            @Value("${aptic.admin.password:}") String adminPassword,
            ApplicationEventPublisher events) {
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.events = events;
    }

    @Bean
    AccessSetup accessSetup(ProcessEngine engine) {
        return new AccessSetup(
                engine.getIdentityService(),
                engine.getAuthorizationService(),
                engine.getFilterService(),
                engine.getTaskService());
    }

    @EventListener
    @Order(StartupOrder.ACCESS)
    void start(ContextRefreshedEvent event) {
        ProcessEngine engine = event.getApplicationContext().getBean(ProcessEngine.class);
        AccessSetup access = accessSetup(engine);
        access.ensure();
        access.variableReaders(
                engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list().stream()
                        .map(ProcessDefinition::getKey)
                        .collect(Collectors.toCollection(TreeSet::new)));
        if (!adminUser.isBlank()) {
            if (adminPassword.length() < 12) {
                throw new IllegalStateException("APTIC_ADMIN_PASSWORD must have at least 12 characters");
            }
            var identity = engine.getIdentityService();
            if (identity.createUserQuery().userId(adminUser).count() == 0) {
                var user = identity.newUser(adminUser);
                user.setFirstName("Administrateur");
                user.setLastName("#APTIC");
                user.setPassword(adminPassword);
                identity.saveUser(user);
                identity.createMembership(adminUser, AccessSetup.ADMIN);
                log.info("Created administrator {} from the environment", adminUser);
            }
        }
        events.publishEvent(new EngineReadyEvent(engine));
        if (engine.getIdentityService()
                        .createUserQuery()
                        .memberOfGroup(AccessSetup.ADMIN)
                        .count()
                == 0) {
            log.warn("No administrator: set APTIC_ADMIN_USER and APTIC_ADMIN_PASSWORD (Admin's setup page is closed)");
        }
    }
}
