package fr.aptic.qualification.contracting;

import fr.aptic.qualification.application.Application;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The default payer until a network capability says otherwise: the producer itself. */
@Configuration
class ProducerPaysSubscription {

    @Bean
    @ConditionalOnMissingBean(SubscriptionPayers.class)
    SubscriptionPayers producerPays() {
        return (Application application) -> "PRODUCER";
    }
}
