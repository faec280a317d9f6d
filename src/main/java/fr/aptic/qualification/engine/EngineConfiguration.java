package fr.aptic.qualification.engine;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work (mail outbox, model watcher, metrics) runs on Spring's scheduler. The engine's start-up is done
 * by the rooms that own each part, in {@link StartupOrder}.
 */
@Configuration
@EnableScheduling
class EngineConfiguration {}
