package fr.aptic.qualification.models;

import fr.aptic.qualification.engine.StartupOrder;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/** Deploys the changed models when the application starts, before access is set up (which reads their keys). */
@Configuration
class ModelStartup {

    private final Path modelsDirectory;

    ModelStartup(@Value("${aptic.models.directory:.}") String modelsDirectory) {
        // A String, not a Path: Spring converts a relative Path through the web server's resource loader, which
        // turns "." into Tomcat's temporary docbase, where no model lives, so the jar's copies were deployed.
        this.modelsDirectory = Path.of(modelsDirectory);
    }

    @Bean
    ModelDeployment modelDeployment(ProcessEngine engine) {
        return new ModelDeployment(engine.getRepositoryService());
    }

    @EventListener
    @Order(StartupOrder.MODELS)
    void deploy(ContextRefreshedEvent event) {
        ProcessEngine engine = event.getApplicationContext().getBean(ProcessEngine.class);
        new ModelDeployment(engine.getRepositoryService()).deploy(modelsDirectory);
    }
}
