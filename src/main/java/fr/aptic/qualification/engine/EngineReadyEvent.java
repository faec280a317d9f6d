package fr.aptic.qualification.engine;

import org.camunda.bpm.engine.ProcessEngine;

/** Published once models are deployed and access is set up: demo data and later set-ups listen to it. */
public record EngineReadyEvent(ProcessEngine engine) {}
