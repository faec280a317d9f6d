package fr.aptic.qualification.operations;

import fr.aptic.qualification.reference.Communes;
import fr.aptic.qualification.reference.LegalForms;
import fr.aptic.qualification.reference.Territories;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The reference data every application is checked against (départements, legal forms, communes and their
 * postal codes), loaded while the application starts rather than on the first request, and reported as the
 * health indicator {@code referenceData}, part of readiness.
 */
@Component("referenceData")
class ReferenceData implements HealthIndicator {

    private final Health health;

    ReferenceData() {
        Health.Builder builder;
        try {
            Territories territories = Territories.defaults();
            LegalForms legalForms = LegalForms.defaults();
            Communes communes = Communes.defaults();
            builder = Health.up()
                    .withDetail("departements", territories.departements().size())
                    .withDetail("legalCategories", legalForms.categoryCount())
                    .withDetail("communes", communes.size())
                    .withDetail("communesSource", communes.source());
        } catch (RuntimeException | LinkageError e) {
            builder = Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        this.health = builder.build();
    }

    @Override
    public Health health() {
        return health;
    }
}
