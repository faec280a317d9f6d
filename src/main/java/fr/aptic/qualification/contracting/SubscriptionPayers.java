package fr.aptic.qualification.contracting;

import fr.aptic.qualification.application.Application;

/**
 * Who pays a producer's yearly subscription: the producer, or its network when the network's agreement
 * pays for its members. The network capability provides the one implementation ({@code NetworkSubscriptionPayers}).
 */
public interface SubscriptionPayers {

    /** "PRODUCER" or "NETWORK". */
    String payerOf(Application application);
}
