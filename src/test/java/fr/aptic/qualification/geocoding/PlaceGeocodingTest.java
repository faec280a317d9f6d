package fr.aptic.qualification.geocoding;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The geocoder in the background on the embedded H2 database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlaceGeocodingTest extends PlaceGeocodingFlow {

    @DynamicPropertySource
    static void geocoder(DynamicPropertyRegistry registry) {
        geocoderAtTheStub(registry);
    }
}
