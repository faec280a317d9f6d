package fr.aptic.qualification.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps {@code dmn/hub-routing.dmn} and {@code reference/hubs.csv} in agreement: every département, on every date
 * where a hub opens or closes, routes to the hub the reference file names.
 */
class HubRoutingReferenceDataTest {

    private static final DmnEngine ENGINE = DecisionEngines.create();
    private static final DecisionModels MODELS = DecisionModels.load(ENGINE);

    private static final Map<String, String> REGION_BY_DEPARTEMENT = regionsByDepartement();
    private static final List<HubPeriod> HUB_PERIODS = hubPeriods();

    @Test
    void knowsTheHundredAndOneDepartementsOfInsee() {
        assertThat(REGION_BY_DEPARTEMENT)
                .hasSize(101)
                .containsKeys("2A", "2B", "971", "976")
                .doesNotContainKey("20");
    }

    @Test
    void routesEveryDepartementToTheHubThatHubsCsvNamesOnEveryDateThatMatters() {
        List<String> disagreements = new ArrayList<>();
        for (LocalDate date : datesThatMatter()) {
            for (String departement : REGION_BY_DEPARTEMENT.keySet()) {
                String expected = expectedHub(departement, date);
                String routed = routedHub(departement, date);
                if (!Objects.equals(expected, routed)) {
                    disagreements.add(departement + " on " + date + ": hubs.csv says " + expected
                            + ", hub-routing.dmn says " + routed);
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"975", "977", "978", "986", "987", "988"})
    void leavesOverseasCollectivitiesWithoutHub(String collectivity) {
        assertThat(datesThatMatter())
                .allSatisfy(date -> assertThat(routedHub(collectivity, date)).isNull());
    }

    private static String routedHub(String departement, LocalDate date) {
        DmnDecisionResult result = ENGINE.evaluateDecision(
                MODELS.decision("hub-routing"), Map.of("departement", departement, "routingDate", date.toString()));
        return result.isEmpty() ? null : result.getSingleResult().getEntry("hubId");
    }

    private static String expectedHub(String departement, LocalDate date) {
        List<String> hubs = HUB_PERIODS.stream()
                .filter(period -> period.covers(departement, date))
                .map(HubPeriod::hubId)
                .toList();
        assertThat(hubs)
                .as("hubs.csv gives %s several hubs on %s", departement, date)
                .hasSizeLessThan(2);
        return hubs.isEmpty() ? null : hubs.get(0);
    }

    /** The day before, of, and after every opening and closing, plus dates far from any change. */
    private static Set<LocalDate> datesThatMatter() {
        Set<LocalDate> dates =
                new TreeSet<>(List.of(LocalDate.of(2019, 1, 1), LocalDate.of(2026, 11, 22), LocalDate.of(2040, 1, 1)));
        for (HubPeriod period : HUB_PERIODS) {
            Stream.of(period.from(), period.until())
                    .filter(Objects::nonNull)
                    .forEach(day -> dates.addAll(List.of(day.minusDays(1), day, day.plusDays(1))));
        }
        return dates;
    }

    /** One line of hubs.csv: a hub over régions or départements, between two dates included. */
    private record HubPeriod(
            String hubId, Set<String> regions, Set<String> departements, LocalDate from, LocalDate until) {

        boolean covers(String departement, LocalDate date) {
            boolean territory = departements.contains(departement)
                    || regions.contains(REGION_BY_DEPARTEMENT.getOrDefault(departement, ""));
            return territory && (from == null || !date.isBefore(from)) && (until == null || !date.isAfter(until));
        }
    }

    private static List<HubPeriod> hubPeriods() {
        CsvTable hubs = CsvTable.fromClasspath("/reference/hubs.csv");
        return hubs.rows().stream()
                .map(row -> new HubPeriod(
                        row.cell(hubs.column("hubId")),
                        codes(row.cell(hubs.column("regions"))),
                        codes(row.cell(hubs.column("departements"))),
                        date(row.cell(hubs.column("validFrom"))),
                        date(row.cell(hubs.column("validUntil")))))
                .toList();
    }

    private static Map<String, String> regionsByDepartement() {
        CsvTable departements = CsvTable.fromClasspath("/reference/departements.csv");
        Map<String, String> regions = new LinkedHashMap<>();
        departements
                .rows()
                .forEach(row -> regions.put(
                        row.cell(departements.column("departement")), row.cell(departements.column("region"))));
        return regions;
    }

    private static Set<String> codes(String cell) {
        return cell.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(cell.split("\\|")));
    }

    private static LocalDate date(String cell) {
        return cell.isBlank() ? null : LocalDate.parse(cell);
    }
}
