package fr.aptic.qualification.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.Test;

/**
 * Guards the calibration of the eligibility grid: whoever changes points or threshold in {@code eligibility.dmn} must
 * still admit the applicants #APTIC expects to qualify. {@code network-members.csv} was written by the shared
 * {@code gen-network-csv 300 --seed 1}: realistic members without volunteers, seniority or programmes declared.
 */
class EligibilityCalibrationTest {

    private static final DmnEngine ENGINE = DecisionEngines.create();
    private static final DecisionModels MODELS = DecisionModels.load(ENGINE);

    @Test
    void admitsTheTypicalFreeApplicantOfTheApiExample() {
        DmnDecisionResultEntries result = evaluate(Applicants.typicalFreeApplicant());

        assertThat(result.<Boolean>getEntry("eligible")).isTrue();
        assertThat(result.<List<?>>getEntry("reasons")).isEmpty();
    }

    @Test
    void admitsAtLeastNineInTenNetworkMembersRunningTheirOwnPlace() {
        CsvTable members = CsvTable.fromClasspath("/eligibility/network-members.csv");
        List<Map<String, Object>> ownPlaceMembers = members.rows().stream()
                .filter(row -> row.cell(members.column("placeKind")).equals("OWN_PLACE"))
                .map(row -> asApplicant(members, row))
                .toList();

        List<String> turnedAway = ownPlaceMembers.stream()
                .map(EligibilityCalibrationTest::evaluate)
                .filter(result -> !result.<Boolean>getEntry("eligible"))
                .map(result -> result.getEntry("score") + " " + result.getEntry("reasons"))
                .toList();

        assertThat(ownPlaceMembers).hasSizeGreaterThan(100);
        assertThat((double) turnedAway.size() / ownPlaceMembers.size())
                .as("share of own-place members turned away: %s", turnedAway)
                .isLessThanOrEqualTo(0.10);
    }

    private static DmnDecisionResultEntries evaluate(Map<String, Object> variables) {
        return ENGINE.evaluateDecision(MODELS.decision("eligibility"), variables)
                .getSingleResult();
    }

    /** The variables the bulk import would set for a one-place member of the CSV. */
    private static Map<String, Object> asApplicant(CsvTable members, CsvTable.Row row) {
        String kind = row.cell(members.column("placeKind"));
        Map<String, Object> variables = Applicants.typicalFreeApplicant();
        variables.put("servicesOffered", row.cell(members.column("services")).split("\\|").length);
        variables.put("ownPlaces", kind.equals("OWN_PLACE") ? 1 : 0);
        variables.put("partnerPlaces", kind.equals("PARTNER_PLACE") ? 1 : 0);
        variables.put("itinerantPlaces", kind.equals("ITINERANT") ? 1 : 0);
        variables.put("homePlaces", kind.equals("HOME") ? 1 : 0);
        variables.put(
                "partnerPlacesWithoutConvention",
                kind.equals("PARTNER_PLACE")
                                && row.cell(members.column("conventionReference"))
                                        .isBlank()
                        ? 1
                        : 0);
        variables.put("trainedMediators", integer(members, row, "trainedMediators"));
        variables.put("volunteers", 0);
        variables.put("supervisedVolunteers", 0);
        variables.put("openingHoursPerWeek", integer(members, row, "openingHoursPerWeek"));
        variables.put("accessible", Boolean.valueOf(row.cell(members.column("accessible"))));
        variables.put("yearsOfActivity", 0);
        variables.put("nationalProgrammes", 0);
        variables.put("servicesPerYear", integer(members, row, "servicesPerYear"));
        variables.put("regulatedPrice", Boolean.valueOf(row.cell(members.column("regulatedPrice"))));
        return variables;
    }

    private static int integer(CsvTable members, CsvTable.Row row, String column) {
        return Integer.parseInt(row.cell(members.column(column)));
    }
}
