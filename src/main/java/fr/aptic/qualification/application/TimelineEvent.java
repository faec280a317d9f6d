package fr.aptic.qualification.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One step of an application's history, with who made it when a person did. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEvent(Instant at, String event, String detail, String actor) {}
