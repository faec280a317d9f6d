package fr.aptic.qualification.network;

import java.time.LocalDate;

/** A network as {@code GET /api/networks/{networkId}} shows it. */
record NetworkView(
        String networkId,
        String name,
        NetworkRequest.Agreement agreement,
        boolean subscriptionPaidByNetwork,
        boolean agreementActive,
        String group,
        int members) {

    static NetworkView of(Network network, LocalDate today) {
        return new NetworkView(
                network.id(),
                network.name(),
                new NetworkRequest.Agreement(network.agreementReference(), network.validFrom(), network.validUntil()),
                network.subscriptionPaidByNetwork(),
                network.agreementActiveOn(today),
                network.group(),
                network.memberCount());
    }
}
