package fr.aptic.qualification.geocoding;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.reference.Coordinates;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locates the places that wait for the national address geocoder, a bounded batch per run. Each place is claimed,
 * asked and recorded in transactions of its own, committed at once, so other nodes see the claim and one place's
 * failure costs only its own retry: no connection, a timeout, {@code 429} or {@code 5xx} waits 1, 2, 4… minutes (6
 * hours at most) and is given up after {@code max-attempts}; an answer without a match, below the minimum score or
 * in another commune than the place's INSEE code leaves the place unpinned, with that outcome recorded.
 */
@Service
@EnableConfigurationProperties(GeocodingSettings.class)
public class PlaceGeocoding {

    private static final Logger log = LoggerFactory.getLogger(PlaceGeocoding.class);

    private final PlaceLocations places;
    private final GeocodingSettings settings;
    private final BanGeocoder geocoder;
    private final TransactionTemplate ownTransaction;

    PlaceGeocoding(
            PlaceLocations places,
            GeocodingSettings settings,
            ObjectMapper json,
            PlatformTransactionManager transactions) {
        this.places = places;
        this.settings = settings;
        this.geocoder = new BanGeocoder(settings, json);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** What a run did. */
    public record Run(int asked, int found, int unlocated, int failed) {}

    /** Whether the job asks the geocoder ({@code aptic.geocoding.enabled}). */
    public boolean enabled() {
        return settings.enabled();
    }

    /** Asks the geocoder for the places due at {@code now} (the engine's clock), within the run's budget. */
    public Run geocodeDue(Instant now) {
        Instant start = Instant.now();
        inOwnTransaction(() -> places.dropEnded(now));
        List<PlaceLocations.Waiting> due = inOwnTransaction(() -> places.due(now, settings.batchSize()));
        // Millisecond precision, which both databases keep as written: the claim is matched by equality.
        Instant lease = now.plus(settings.lease()).truncatedTo(ChronoUnit.MILLIS);
        int asked = 0;
        int found = 0;
        int unlocated = 0;
        int failed = 0;
        for (PlaceLocations.Waiting place : due) {
            if (Duration.between(start, Instant.now()).compareTo(settings.budget()) > 0) {
                break;
            }
            if (!inOwnTransaction(() -> places.claim(place, now, lease))) {
                continue;
            }
            asked++;
            switch (locate(place, now, lease)) {
                case FOUND -> found++;
                case UNLOCATED -> unlocated++;
                case FAILED -> failed++;
            }
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        Run run = new Run(asked, found, unlocated, failed);
        if (asked > 0) {
            log.info(
                    "Geocoding: {} place(s) asked, {} located, {} left unpinned, {} to retry",
                    asked,
                    found,
                    unlocated,
                    failed);
        }
        return run;
    }

    private enum Result {
        FOUND,
        UNLOCATED,
        FAILED
    }

    private Result locate(PlaceLocations.Waiting place, Instant now, Instant lease) {
        int attempts = place.attempts() + 1;
        if (place.inseeCode() == null) {
            return unlocated(place, lease, attempts, "NO_INSEE_CODE");
        }
        BanGeocoder.Answer answer;
        try {
            answer = geocoder.search(place.address(), place.postalCode(), place.inseeCode());
        } catch (BanGeocoder.Unavailable e) {
            return failed(place, now, lease, attempts, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(place, now, lease, attempts, "interrompu");
        }
        if (answer.refusal() != null) {
            return unlocated(place, lease, attempts, "REFUSED " + answer.refusal());
        }
        if (answer.match().isEmpty()) {
            return unlocated(place, lease, attempts, "NOT_FOUND");
        }
        BanGeocoder.Match match = answer.match().get();
        String said = score(match.score()) + " " + match.citycode() + " " + match.label();
        if (match.score() < settings.minScore()) {
            return unlocated(place, lease, attempts, "LOW_SCORE " + said);
        }
        if (!place.inseeCode().equals(match.citycode())) {
            return unlocated(place, lease, attempts, "OTHER_COMMUNE " + said);
        }
        if (!Coordinates.problems(match.latitude(), match.longitude()).isEmpty()) {
            return unlocated(place, lease, attempts, "OUTSIDE_FRANCE " + said);
        }
        Coordinates coordinates = new Coordinates(match.latitude(), match.longitude());
        inOwnTransaction(() -> {
            places.found(place, lease, coordinates, "FOUND " + said);
            return null;
        });
        return Result.FOUND;
    }

    private Result unlocated(PlaceLocations.Waiting place, Instant lease, int attempts, String outcome) {
        inOwnTransaction(() -> {
            places.tried(place, lease, attempts, null, outcome);
            return null;
        });
        return Result.UNLOCATED;
    }

    private Result failed(PlaceLocations.Waiting place, Instant now, Instant lease, int attempts, String reason) {
        boolean givenUp = attempts >= settings.maxAttempts();
        Instant next = givenUp ? null : now.plus(settings.retryAfter(attempts));
        String outcome = (givenUp ? "GAVE_UP after " + attempts + " attempts: " : "RETRY ") + reason;
        inOwnTransaction(() -> {
            places.tried(place, lease, attempts, next, outcome);
            return null;
        });
        log.debug("Geocoding {}#{}: {}", place.applicationId(), place.position(), outcome);
        return Result.FAILED;
    }

    private <T> T inOwnTransaction(Supplier<T> work) {
        return ownTransaction.execute(status -> work.get());
    }

    private static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }
}
