package fr.aptic.qualification.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Test;

/** Which variables a decision reads, found in its text, decides when two applications share one evaluation. */
class MemoizedDecisionTest {

    @Test
    void charterReadsOnlyTheVersionAndTheAcceptedCommitments() {
        MemoizedDecision charter =
                new MemoizedDecision(SimulatorTest.parse("charter-compliance", Path.of("dmn/charter-compliance.dmn")));

        assertThat(charter.memoizable()).isTrue();
        assertThat(charter.reads(inputs())).containsExactly("acceptedCommitments", "charterVersion");
    }

    @Test
    void eligibilityReadsTheQuestionnaireButNotTheCharter() {
        MemoizedDecision eligibility =
                new MemoizedDecision(SimulatorTest.parse("eligibility", SimulationDataSet.ELIGIBILITY));

        assertThat(eligibility.reads(inputs()))
                .contains("applicationDate", "homePlaces", "partnerPlaces", "partnerPlacesWithoutConvention")
                .doesNotContain("acceptedCommitments", "charterVersion");
    }

    @Test
    void aDecisionThatReadsTheClockIsAlwaysEvaluated() {
        DmnDecision clock = SimulatorTest.ENGINE.parseDecision(
                "clock",
                new ByteArrayInputStream(("<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\""
                                + " id=\"Definitions_Clock\" name=\"Clock\" namespace=\"test\">"
                                + "<decision id=\"clock\" name=\"Clock\"><variable name=\"year\"/>"
                                + "<literalExpression><text>today().year - yearsOfActivity</text>"
                                + "</literalExpression></decision></definitions>")
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(new MemoizedDecision(clock).memoizable()).isFalse();
    }

    @Test
    void applicationsAgreeingOnWhatTheDecisionReadsShareOneResult() {
        MemoizedDecision charter =
                new MemoizedDecision(SimulatorTest.parse("charter-compliance", Path.of("dmn/charter-compliance.dmn")));
        Map<String, Object> first = inputs();
        Map<String, Object> second = inputs();
        second.put("trainedMediators", 7);
        second.put("applicationDate", "2019-01-01");

        assertThat(charter.evaluate(SimulatorTest.ENGINE, second))
                .isSameAs(charter.evaluate(SimulatorTest.ENGINE, first));
        second.put("acceptedCommitments", List.of("NEUTRALITY"));
        assertThat(charter.evaluate(SimulatorTest.ENGINE, second)).containsEntry("compliant", false);
    }

    private static Map<String, Object> inputs() {
        Map<String, Object> inputs = new HashMap<>();
        for (String name : List.of(
                "placesInFrance",
                "servicesOffered",
                "ownPlaces",
                "partnerPlaces",
                "itinerantPlaces",
                "homePlaces",
                "partnerPlacesWithoutConvention",
                "trainedMediators",
                "volunteers",
                "supervisedVolunteers",
                "openingHoursPerWeek",
                "yearsOfActivity",
                "nationalProgrammes",
                "servicesPerYear")) {
            inputs.put(name, 1);
        }
        inputs.put("siretValid", true);
        inputs.put("siretPublic", true);
        inputs.put("accessible", true);
        inputs.put("regulatedPrice", true);
        inputs.put("applicationDate", "2026-11-22");
        inputs.put("charterVersion", "V2");
        inputs.put(
                "acceptedCommitments",
                List.of(
                        "ZERO_REMAINING_COST",
                        "PRIORITY_PUBLICS",
                        "NEUTRALITY",
                        "DATA_PROTECTION",
                        "QUALITY_APPROACH",
                        "UP_TO_DATE_CATALOGUE",
                        "TERRITORIAL_COOPERATION"));
        return inputs;
    }
}
