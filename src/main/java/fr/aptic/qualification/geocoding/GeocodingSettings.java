package fr.aptic.qualification.geocoding;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aptic.geocoding.*}: the national address geocoder (BAN) and how the background job asks it.
 *
 * @param enabled whether the job asks the geocoder at all (off in tests, unless one gives it a local server)
 * @param baseUrl the geocoder's address; {@code /search/} is appended
 * @param minScore below this score (0 to 1) an answer is not trusted and the place stays unpinned
 * @param batchSize places asked per run of the job
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer, once connected
 * @param budget the time a run may spend calling out; the places it did not reach wait for the next run
 * @param firstRetry the wait after a place's first failed call, doubled after each further failure
 * @param maxRetry the longest wait between two tries
 * @param maxAttempts failed calls after which a place is given up (its outcome says why)
 */
@ConfigurationProperties("aptic.geocoding")
record GeocodingSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("https://api-adresse.data.gouv.fr") URI baseUrl,
        @DefaultValue("0.5") double minScore,
        @DefaultValue("50") int batchSize,
        @DefaultValue("PT3S") Duration connectTimeout,
        @DefaultValue("PT5S") Duration readTimeout,
        @DefaultValue("PT1M") Duration budget,
        @DefaultValue("PT1M") Duration firstRetry,
        @DefaultValue("PT6H") Duration maxRetry,
        @DefaultValue("10") int maxAttempts) {

    /**
     * How long a run holds the places it claimed: longer than it can take (its budget, then one last call), so
     * no other node asks for them meanwhile; a node that dies leaves them to the next run after it.
     */
    Duration lease() {
        return budget.plus(connectTimeout).plus(readTimeout).plusMinutes(1);
    }

    /** The wait after the given number of failed calls: 1, 2, 4, 8… times the first, never over the longest. */
    Duration retryAfter(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        Duration wait = firstRetry.multipliedBy(1L << doublings);
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
