package fr.aptic.qualification.network;

import fr.aptic.qualification.application.Application;
import fr.aptic.qualification.contracting.SubscriptionPayers;
import org.springframework.stereotype.Component;

/**
 * The one answer to who pays a producer's subscription: the network, for a member of a network whose
 * agreement pays its members' subscription; the producer itself otherwise (every free and territorial
 * applicant, and members of other networks).
 */
@Component
class NetworkSubscriptionPayers implements SubscriptionPayers {

    static final String NETWORK = "NETWORK";
    static final String PRODUCER = "PRODUCER";

    private final NetworkService networks;

    NetworkSubscriptionPayers(NetworkService networks) {
        this.networks = networks;
    }

    @Override
    public String payerOf(Application application) {
        return application.networkId() != null && networks.paysSubscriptionOf(application.id()) ? NETWORK : PRODUCER;
    }
}
