package fr.aptic.qualification.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.support.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Ten stored applications whose outcomes are counted by hand, and candidate edits of {@code dmn/eligibility.dmn}.
 *
 * <p>Scores by the grid of {@code eligibility-score}: the sample applicant scores 88 (2 mediators 15, volunteers
 * supervised 10, 30 h 10, accessible 10, 4 years 10, a programme 5, two services 8, 1 800 a year 10, regulated
 * prices 10); without mediators 73; the small place 35 and the modest one 40 (rows 4 and 3 of
 * {@code dmn/tests/eligibility.csv}). Home services open on 2021-01-01 (phase 3).
 *
 * <pre>
 * id       dépt  submitted   places       stored outcome
 * sim-a01  2A    2021-06-01  own place    eligible 88
 * sim-a02  69    2021-03-15  home         eligible 88
 * sim-a03  69    2021-11-30  home         eligible 88
 * sim-a04  33    2022-02-01  home         eligible 88
 * sim-a05  33    2020-06-01  home         ineligible 88 PHASE_NOT_OPEN
 * sim-a06  2A    2021-05-05  home         ineligible 73 NO_TRAINED_MEDIATOR (no mediator)
 * sim-a07  2A    2021-02-02  own place    ineligible 35 SCORE_TOO_LOW (small place)
 * sim-a08  69    2021-04-04  own place    eligible 40 (modest place, exactly the threshold)
 * sim-a09  69    2021-07-07  own place    never assessed
 * sim-a10  33    2021-08-01  home         ineligible 88 NEUTRALITY (refuses a charter commitment)
 * </pre>
 */
final class SimulationDataSet {

    static final LocalDate FIRST_DAY = LocalDate.of(2020, 6, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2022, 2, 1);
    static final Path ELIGIBILITY = Path.of("dmn/eligibility.dmn");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimulationDataSet() {}

    static List<StoredApplication> applications() {
        return List.of(
                row("sim-a01", "2A", "2021-06-01", true, 88, "", ajaccio(body -> {})),
                row("sim-a02", "69", "2021-03-15", true, 88, "", lyon(SimulationDataSet::home)),
                row("sim-a03", "69", "2021-11-30", true, 88, "", lyon(SimulationDataSet::home)),
                row("sim-a04", "33", "2022-02-01", true, 88, "", bordeaux(SimulationDataSet::home)),
                row("sim-a05", "33", "2020-06-01", false, 88, "PHASE_NOT_OPEN", bordeaux(SimulationDataSet::home)),
                row("sim-a06", "2A", "2021-05-05", false, 73, "NO_TRAINED_MEDIATOR", ajaccio(body -> {
                    home(body);
                    quality(body).put("trainedMediators", 0);
                })),
                row("sim-a07", "2A", "2021-02-02", false, 35, "SCORE_TOO_LOW", ajaccio(body -> modest(body, 10))),
                row("sim-a08", "69", "2021-04-04", true, 40, "", lyon(body -> modest(body, 20))),
                row("sim-a09", "69", "2021-07-07", null, null, null, lyon(body -> {})),
                row("sim-a10", "33", "2021-08-01", false, 88, "NEUTRALITY", bordeaux(body -> {
                    home(body);
                    charter(body).put("NEUTRALITY", false);
                })));
    }

    /** {@code dmn/eligibility.dmn} with home services (phase 3) opening on 2022-01-01 instead of 2021-01-01. */
    static byte[] homeServicesOpenIn2022() {
        return edit(
                "<inputEntry id=\"UnaryTests_HomePhaseNotOpen_ApplicationDate\">\n"
                        + "          <text>&lt; date(\"2021-01-01\")</text>",
                "<inputEntry id=\"UnaryTests_HomePhaseNotOpen_ApplicationDate\">\n"
                        + "          <text>&lt; date(\"2022-01-01\")</text>");
    }

    /** {@code dmn/eligibility.dmn} with the eligibility threshold raised from 40 to 60 points. */
    static byte[] thresholdRaisedTo60() {
        return edit(
                "<literalExpression id=\"LiteralExpression_EligibilityThreshold\">\n      <text>40</text>",
                "<literalExpression id=\"LiteralExpression_EligibilityThreshold\">\n      <text>60</text>");
    }

    static byte[] unchanged() {
        try {
            return Files.readAllBytes(ELIGIBILITY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] edit(String from, String to) {
        String model = new String(unchanged(), StandardCharsets.UTF_8);
        if (!model.contains(from)) {
            throw new IllegalStateException("dmn/eligibility.dmn no longer contains: " + from);
        }
        return model.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private static StoredApplication row(
            String id,
            String departement,
            String submitted,
            Boolean eligible,
            Integer score,
            String reasons,
            Map<String, Object> body) {
        try {
            return new StoredApplication(
                    id,
                    departement,
                    LocalDate.parse(submitted),
                    eligible,
                    score,
                    reasons,
                    JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> ajaccio(Consumer<Map<String, Object>> change) {
        return body(Samples.application(Samples.siret(), "20000", "2A004", "Ajaccio"), change);
    }

    private static Map<String, Object> lyon(Consumer<Map<String, Object>> change) {
        return body(Samples.application(Samples.siret(), "69001", "69381", "Lyon"), change);
    }

    private static Map<String, Object> bordeaux(Consumer<Map<String, Object>> change) {
        return body(Samples.application(Samples.siret(), "33000", "33063", "Bordeaux"), change);
    }

    private static Map<String, Object> body(Map<String, Object> body, Consumer<Map<String, Object>> change) {
        change.accept(body);
        return body;
    }

    private static void home(Map<String, Object> body) {
        Samples.firstPlace(body).put("kind", "HOME");
    }

    /** One mediator, no volunteers, not accessible, new, one service, 800 a year: 35 at 10 h a week, 40 at 20 h. */
    private static void modest(Map<String, Object> body, int hoursPerWeek) {
        Map<String, Object> quality = quality(body);
        quality.put("trainedMediators", 1);
        quality.put("volunteers", 0);
        quality.put("supervisedVolunteers", 0);
        quality.put("openingHoursPerWeek", hoursPerWeek);
        quality.put("accessible", false);
        quality.put("yearsOfActivity", 0);
        quality.put("nationalProgrammes", List.of());
        Map<String, Object> place = Samples.firstPlace(body);
        place.put("servicesPerYear", 800);
        place.put("services", List.of("Aide aux démarches administratives"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> quality(Map<String, Object> body) {
        return (Map<String, Object>) body.get("quality");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Boolean> charter(Map<String, Object> body) {
        return (Map<String, Boolean>) ((Map<String, Object>) body.get("charter")).get("commitments");
    }
}
