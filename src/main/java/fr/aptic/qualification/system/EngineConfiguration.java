package fr.aptic.qualification.system;

import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Engine-side start-up: deploys the changed models, ensures the contract's groups, authorizations and
 * Tasklist filters, and creates the administrator from the environment when one is given.
 */
@Configuration
@EnableScheduling
class EngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

    private final Path modelsDirectory;
    private final String adminUser;
    private final String adminPassword;
    private final ApplicationEventPublisher events;

    EngineConfiguration(
            @Value("${aptic.models.directory:.}") String modelsDirectory,
            @Value("${aptic.admin.user:}") String adminUser,
            @Value("${aptic.admin.password:}") String adminPassword,
            ApplicationEventPublisher events) {
        // A String, not a Path: Spring converts a relative Path through the web server's resource loader, which
        // turns "." into Tomcat's temporary docbase, where no model lives, so the jar's copies were deployed.
        this.modelsDirectory = Path.of(modelsDirectory);
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.events = events;
    }

    @Bean
    ModelDeployment modelDeployment(ProcessEngine engine) {
        return new ModelDeployment(engine.getRepositoryService());
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
    void start(ContextRefreshedEvent event) {
        ProcessEngine engine = event.getApplicationContext().getBean(ProcessEngine.class);
        new ModelDeployment(engine.getRepositoryService()).deploy(modelsDirectory);
        AccessSetup access = accessSetup(engine);
        access.ensure();
        access.variableReaders(
                engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list().stream()
                        .map(definition -> definition.getKey())
                        .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
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
