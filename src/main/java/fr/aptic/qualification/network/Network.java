package fr.aptic.qualification.network;

import java.time.LocalDate;

/** A network partner and its cooperation agreement. */
public record Network(
        String id,
        String name,
        String agreementReference,
        LocalDate validFrom,
        LocalDate validUntil,
        boolean subscriptionPaidByNetwork,
        int memberCount) {

    /** The engine group of the network's users: it attests the network's members. */
    public static String groupOf(String networkId) {
        return "network-" + networkId;
    }

    public String group() {
        return groupOf(id);
    }

    /** Whether the agreement covers this day (both ends included). */
    public boolean agreementActiveOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
