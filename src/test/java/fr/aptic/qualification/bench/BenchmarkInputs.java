package fr.aptic.qualification.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** Deterministic pseudo-random eligibility questionnaires: mostly plausible, some knocked out on each rule. */
final class BenchmarkInputs {

    private static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - FIRST_DAY.toEpochDay());

    private BenchmarkInputs() {}

    static List<VariableMap> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<VariableMap> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            inputs.add(one(random));
        }
        return inputs;
    }

    private static VariableMap one(SplittableRandom random) {
        int ownPlaces = chance(random, 20) ? 0 : random.nextInt(1, 4);
        int partnerPlaces = chance(random, 70) ? 0 : random.nextInt(1, 3);
        int itinerantPlaces = chance(random, 80) ? 0 : 1;
        int homePlaces = chance(random, 85) ? 0 : 1;
        int places = ownPlaces + partnerPlaces + itinerantPlaces + homePlaces;
        int volunteers = random.nextInt(0, 21);
        return Variables.createVariables()
                .putValue("siretValid", !chance(random, 5))
                .putValue("siretPublic", !chance(random, 5))
                .putValue("accessible", chance(random, 60))
                .putValue("regulatedPrice", chance(random, 70))
                .putValue(
                        "applicationDate",
                        FIRST_DAY.plusDays(random.nextInt(DAYS + 1)).toString())
                // an applicant abroad declares places, none of them in France
                .putValue("placesInFrance", chance(random, 5) ? 0 : places)
                .putValue("servicesOffered", chance(random, 5) ? 0 : random.nextInt(1, 10))
                .putValue("ownPlaces", ownPlaces)
                .putValue("partnerPlaces", partnerPlaces)
                .putValue("itinerantPlaces", itinerantPlaces)
                .putValue("homePlaces", homePlaces)
                .putValue("partnerPlacesWithoutConvention", partnerPlaces > 0 && chance(random, 15) ? 1 : 0)
                .putValue("trainedMediators", chance(random, 8) ? 0 : random.nextInt(1, 6))
                .putValue("volunteers", volunteers)
                .putValue("supervisedVolunteers", random.nextInt(0, volunteers + 1))
                .putValue("openingHoursPerWeek", random.nextInt(0, 61))
                .putValue("yearsOfActivity", random.nextInt(0, 31))
                .putValue("nationalProgrammes", random.nextInt(0, 6))
                .putValue("servicesPerYear", random.nextInt(0, 4001));
    }

    private static boolean chance(SplittableRandom random, int percent) {
        return random.nextInt(100) < percent;
    }
}
