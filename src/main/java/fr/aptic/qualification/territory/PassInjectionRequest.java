package fr.aptic.qualification.territory;

import java.time.LocalDate;

/** A funder's injection of passes into a territory, as the API receives it. Rules are checked by the service. */
public record PassInjectionRequest(String funder, Integer passes, Integer faceValueCents, LocalDate date) {}
