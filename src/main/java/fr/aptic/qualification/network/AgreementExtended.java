package fr.aptic.qualification.network;

import java.time.LocalDate;

/** Published (as a Spring event, in the same transaction) when a network's agreement is extended. */
public record AgreementExtended(String networkId, LocalDate validUntil) {}
