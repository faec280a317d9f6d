package fr.aptic.qualification.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.reference.Territories;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulation's counting on the hand-counted data set of {@link SimulationDataSet}, without a database:
 * candidate edits of {@code dmn/eligibility.dmn} against the stored outcomes, on one thread and on two.
 */
class SimulatorTest {

    static final DmnEngine ENGINE = CandidateDecisions.createEngine();
    static final DmnDecision CHARTER = parse("charter-compliance", Path.of("dmn/charter-compliance.dmn"));

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void homeServicesOpeningIn2022TurnsTheirApplicationsOf2021Ineligible(int threads) {
        SimulationReport report = simulate(SimulationDataSet.homeServicesOpenIn2022(), false, threads);

        assertThat(report.applications()).isEqualTo(10);
        assertThat(report.notAssessed()).isEqualTo(1);
        assertThat(report.compared()).isEqualTo(9);
        // a02 and a03 (home, 2021) become ineligible; a06 and a10 (home, 2021) were ineligible for other reasons
        // and gain PHASE_NOT_OPEN; a04 (2022) and a05 (2020) do not move.
        assertThat(report.changed()).isEqualTo(4);
        assertThat(report.unchanged()).isEqualTo(5);
        assertThat(report.scoreChanged()).isZero();
        assertThat(report.transitions())
                .containsExactly(
                        new SimulationReport.Transition("ELIGIBLE", "INELIGIBLE", 2, List.of("sim-a02", "sim-a03")),
                        new SimulationReport.Transition("INELIGIBLE", "INELIGIBLE", 2, List.of("sim-a06", "sim-a10")));
        assertThat(report.reasons())
                .first()
                .isEqualTo(new SimulationReport.ReasonChange(
                        "PHASE_NOT_OPEN", 1, 5, 4, 0, List.of("sim-a02", "sim-a03", "sim-a06", "sim-a10"), List.of()));
        assertThat(report.departements())
                .extracting(
                        SimulationReport.DepartementChange::departement,
                        SimulationReport.DepartementChange::compared,
                        SimulationReport.DepartementChange::changed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("69", 3L, 2L),
                        org.assertj.core.groups.Tuple.tuple("2A", 3L, 1L),
                        org.assertj.core.groups.Tuple.tuple("33", 3L, 1L));
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void raisingTheThresholdTo60TurnsTheModestPlaceIneligible() {
        SimulationReport report = simulate(SimulationDataSet.thresholdRaisedTo60(), false, 2);

        // Only a08 (40 points) falls below 60; a07 (35) was already too low, a06 (73) stays above.
        assertThat(report.changed()).isEqualTo(1);
        assertThat(report.transitions())
                .containsExactly(new SimulationReport.Transition("ELIGIBLE", "INELIGIBLE", 1, List.of("sim-a08")));
        assertThat(report.reasons())
                .first()
                .isEqualTo(
                        new SimulationReport.ReasonChange("SCORE_TOO_LOW", 1, 2, 1, 0, List.of("sim-a08"), List.of()));
        assertThat(report.departements())
                .singleElement()
                .satisfies(d -> assertThat(d.departement()).isEqualTo("69"));
    }

    @Test
    void theCurrentRulesAgreeWithEveryStoredOutcome() {
        SimulationReport report = simulate(SimulationDataSet.unchanged(), false, 1);

        assertThat(report.compared()).isEqualTo(9);
        assertThat(report.changed()).isZero();
        assertThat(report.transitions()).isEmpty();
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void againstTheDeployedRulesEveryApplicationIsJudgedIncludingTheNeverAssessed() {
        SimulationReport report = simulate(SimulationDataSet.homeServicesOpenIn2022(), true, 1);

        assertThat(report.notAssessed()).isZero();
        assertThat(report.compared()).isEqualTo(10);
        assertThat(report.changed()).isEqualTo(4);
    }

    @Test
    void anUnreadableStoredBodyIsCountedAndNamedWithoutStoppingTheRun() {
        List<StoredApplication> rows = new ArrayList<>(SimulationDataSet.applications());
        StoredApplication first = rows.get(0);
        rows.set(
                0,
                new StoredApplication(
                        first.id(),
                        first.departement(),
                        first.submittedOn(),
                        first.eligible(),
                        first.score(),
                        first.reasons(),
                        "{not json"));

        SimulationReport report = run(rows, SimulationDataSet.homeServicesOpenIn2022(), false, 2);

        assertThat(report.unreadable()).isEqualTo(1);
        assertThat(report.compared()).isEqualTo(8);
        assertThat(report.changed()).isEqualTo(4);
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.examples()).containsExactly("sim-a01");
            assertThat(failure.message()).startsWith("demande enregistrée illisible");
        });
    }

    static SimulationReport simulate(byte[] candidate, boolean againstDeployed, int threads) {
        return run(SimulationDataSet.applications(), candidate, againstDeployed, threads);
    }

    static SimulationReport run(List<StoredApplication> rows, byte[] candidate, boolean againstDeployed, int threads) {
        DmnDecision eligibility = ENGINE.parseDecision("eligibility", new ByteArrayInputStream(candidate));
        DecisionPair deployed =
                againstDeployed ? new DecisionPair(parse("eligibility", SimulationDataSet.ELIGIBILITY), CHARTER) : null;
        Simulator simulator = new Simulator(
                new ObjectMapper()
                        .readerFor(ApplicationRequest.class)
                        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES),
                Territories.defaults(),
                ENGINE,
                new DecisionPair(eligibility, CHARTER),
                deployed);
        Tally tally = SimulationRun.run(sink -> rows.forEach(sink), simulator, threads);
        return SimulationReport.of("eligibility", "test", againstDeployed ? "deployed" : "stored", tally, 0);
    }

    static DmnDecision parse(String key, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ENGINE.parseDecision(key, in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
