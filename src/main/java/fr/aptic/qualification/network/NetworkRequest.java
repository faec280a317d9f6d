package fr.aptic.qualification.network;

import java.time.LocalDate;

/** The body of {@code POST /api/networks}: a network partner and its cooperation agreement. */
record NetworkRequest(String networkId, String name, Agreement agreement, Boolean subscriptionPaidByNetwork) {

    /** The cooperation agreement: its reference and the days it covers (both included). */
    record Agreement(String reference, LocalDate validFrom, LocalDate validUntil) {}
}
