package fr.aptic.qualification.geocoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The geocoder's waits between tries: doubled after each failure, never over the longest. */
class GeocodingSettingsTest {

    private final GeocodingSettings defaults = new GeocodingSettings(
            true,
            URI.create("https://api-adresse.data.gouv.fr"),
            0.5,
            50,
            Duration.ofSeconds(3),
            Duration.ofSeconds(5),
            Duration.ofMinutes(1),
            Duration.ofMinutes(1),
            Duration.ofHours(6),
            10);

    @Test
    void waitsOneTwoFourMinutesAndSoOnUpToSixHours() {
        assertThat(defaults.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.retryAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(defaults.retryAfter(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(defaults.retryAfter(10)).isEqualTo(Duration.ofHours(6));
        assertThat(defaults.retryAfter(1000)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void holdsItsClaimsLongerThanARunCanLast() {
        assertThat(defaults.lease()).isGreaterThan(defaults.budget().plus(defaults.readTimeout()));
    }
}
