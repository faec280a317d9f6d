package fr.aptic.qualification.geocoding;

import static org.assertj.core.api.Assertions.assertThat;

import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.BanStub;
import fr.aptic.qualification.support.Samples;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.StoredPlaces;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The geocoder in the background, through the engine: places are submitted over HTTP as applicants send them,
 * then the timer job of {@code place-geocoding} and its service task's job are executed by hand (the job executor
 * is off in tests), against a local server answering as the national address geocoder does. Each place gets what
 * its answer deserves: coordinates, an outcome that leaves it unpinned, or a retry after 1, 2… minutes (the
 * engine's clock is moved, nothing waits), until it is given up. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class PlaceGeocodingFlow {

    static final BanStub BAN = BanStub.start();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    PlaceGeocoding geocoding;

    /** The geocoder on, at the local server, a short read timeout and three attempts before giving up. */
    static void geocoderAtTheStub(DynamicPropertyRegistry registry) {
        registry.add("aptic.geocoding.enabled", () -> "true");
        registry.add("aptic.geocoding.base-url", BAN::url);
        registry.add("aptic.geocoding.read-timeout", () -> "PT0.5S");
        registry.add("aptic.geocoding.max-attempts", () -> "3");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void locatesEachWaitingPlaceFromItsAnswerAndRetriesOnlyWhatFailed() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String found = submit("1 rue Trouvée " + run, null);
        String lowScore = submit("2 rue Douteuse " + run, null);
        String otherCommune = submit("3 rue Ailleurs " + run, null);
        String nothing = submit("4 rue Inconnue " + run, null);
        String flaky = submit("5 rue Capricieuse " + run, null);
        String slow = submit("6 rue Lente " + run, null);
        String busy = submit("7 rue Saturée " + run, null);
        String pinned = submit("8 rue Épinglée " + run, new double[] {41.9192, 8.7386});
        Instant start = Instant.now();

        runGeocodingJob();

        assertThat(place(found))
                .containsEntry("latitude", BanStub.LATITUDE)
                .containsEntry("longitude", BanStub.LONGITUDE)
                .containsEntry("coordinates_source", "GEOCODER")
                .containsEntry("geocode_next_at", null);
        assertThat((String) place(found).get("geocode_outcome")).startsWith("FOUND 0.93 2A004");
        assertUnpinned(lowScore, "LOW_SCORE 0.31");
        assertUnpinned(otherCommune, "OTHER_COMMUNE 0.88 2B033");
        assertUnpinned(nothing, "NOT_FOUND");
        assertWaiting(flaky, 1, "RETRY HTTP 500", start.plus(Duration.ofMinutes(1)));
        assertWaiting(slow, 1, "RETRY HttpTimeoutException", start.plus(Duration.ofMinutes(1)));
        assertWaiting(busy, 1, "RETRY HTTP 429", start.plus(Duration.ofMinutes(1)));
        assertThat(place(pinned)).containsEntry("coordinates_source", "PIN").containsEntry("latitude", 41.9192);
        assertThat(BAN.calls("8 rue Épinglée " + run)).isZero();
        assertThat(BAN.queries())
                .filteredOn(query -> query.get("q").equals("1 rue Trouvée " + run))
                .singleElement()
                .satisfies(query -> assertThat(query)
                        .containsEntry("postcode", "20000")
                        .containsEntry("citycode", "2A004")
                        .containsEntry("limit", "1"));

        // Nothing is due yet: the next run asks nobody.
        runGeocodingJob();
        assertThat(BAN.calls("5 rue Capricieuse " + run)).isEqualTo(1);

        // A minute later the failed ones are asked again; the flaky one answers, the slow one waits twice as long.
        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofSeconds(70))));
        runGeocodingJob();
        assertThat(place(flaky)).containsEntry("coordinates_source", "GEOCODER").containsEntry("geocode_attempts", 2);
        assertWaiting(slow, 2, "RETRY HttpTimeoutException", start.plus(Duration.ofSeconds(70 + 120)));
        assertThat(BAN.calls("2 rue Douteuse " + run)).isEqualTo(1);

        // The third failure gives it up, its reason kept.
        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(4))));
        runGeocodingJob();
        assertUnpinned(slow, "GAVE_UP after 3 attempts: HttpTimeoutException");
        assertThat(place(slow)).containsEntry("geocode_attempts", 3);
        assertThat(BAN.calls("6 rue Lente " + run)).isEqualTo(3);
    }

    @Test
    void twoNodesRunningAtOnceNeverAskForTheSamePlace() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> addresses =
                List.of("1 rue Posée " + run, "2 rue Posée " + run, "3 rue Posée " + run, "4 rue Posée " + run);
        List<String> ids =
                addresses.stream().map(address -> submit(address, null)).toList();
        Instant now = Instant.now();

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<PlaceGeocoding.Run> node = () -> geocoding.geocodeDue(now);
            List<Future<PlaceGeocoding.Run>> runs = nodes.invokeAll(List.of(node, node));
            int asked = 0;
            for (Future<PlaceGeocoding.Run> result : runs) {
                asked += result.get().asked();
            }
            assertThat(asked).isEqualTo(addresses.size());
        } finally {
            nodes.shutdownNow();
        }
        assertThat(addresses)
                .allSatisfy(address -> assertThat(BAN.calls(address)).isEqualTo(1));
        assertThat(ids).allSatisfy(id -> assertThat(place(id)).containsEntry("coordinates_source", "GEOCODER"));
    }

    /** Fires the timer as the job executor would, then the service task's job it leaves. */
    void runGeocodingJob() {
        ManagementService management = engine.getManagementService();
        Job timer = management
                .createJobQuery()
                .processDefinitionKey(PlaceGeocodingProcess.KEY)
                .timers()
                .singleResult();
        management.executeJob(timer.getId());
        List<Job> continuations = management
                .createJobQuery()
                .processDefinitionKey(PlaceGeocodingProcess.KEY)
                .activityId(PlaceGeocodingProcess.GEOCODE_PLACES)
                .list();
        assertThat(continuations).hasSize(1);
        management.executeJob(continuations.get(0).getId());
        assertThat(management
                        .createJobQuery()
                        .processDefinitionKey(PlaceGeocodingProcess.KEY)
                        .activityId(PlaceGeocodingProcess.GEOCODE_PLACES)
                        .count())
                .as("the job succeeded, whatever its places' answers")
                .isZero();
    }

    private String submit(String address, double[] pin) {
        Map<String, Object> body = Samples.application();
        Samples.firstPlace(body).put("address", address);
        if (pin != null) {
            Samples.firstPlace(body).put("latitude", pin[0]);
            Samples.firstPlace(body).put("longitude", pin[1]);
        }
        return new Scenarios(new ApiClient(port)).submit(body).id();
    }

    private void assertUnpinned(String applicationId, String outcome) {
        Map<String, Object> place = place(applicationId);
        assertThat(place)
                .containsEntry("latitude", null)
                .containsEntry("coordinates_source", null)
                .containsEntry("geocode_next_at", null);
        assertThat((String) place.get("geocode_outcome")).startsWith(outcome);
    }

    private void assertWaiting(String applicationId, int attempts, String outcome, Instant due) {
        Map<String, Object> place = place(applicationId);
        assertThat(place).containsEntry("latitude", null).containsEntry("geocode_attempts", attempts);
        assertThat((String) place.get("geocode_outcome")).startsWith(outcome);
        // due at the run's time plus the wait: the run started at or after the given instant (the engine's clock
        // counts milliseconds)
        Instant earliest = due.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertThat(((Timestamp) place.get("geocode_next_at")).toInstant())
                .isBetween(earliest, earliest.plus(Duration.ofSeconds(30)));
    }

    private Map<String, Object> place(String applicationId) {
        return StoredPlaces.first(jdbc, applicationId);
    }
}
