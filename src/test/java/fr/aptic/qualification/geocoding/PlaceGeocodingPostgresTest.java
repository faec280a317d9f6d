package fr.aptic.qualification.geocoding;

import fr.aptic.qualification.support.PostgresDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The geocoder in the background on a real PostgreSQL server, in a database of its own. Its context (its own
 * properties, its own pool) is closed after the class, and its pool kept small: the server's connections are shared
 * with the other PostgreSQL tests, and on this machine with other builds.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
@ExtendWith(PostgresDatabase.class)
class PlaceGeocodingPostgresTest extends PlaceGeocodingFlow {

    @DynamicPropertySource
    static void geocoderAndDatabase(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
        geocoderAtTheStub(registry);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "8");
    }
}
