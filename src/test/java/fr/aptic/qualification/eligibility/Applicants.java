package fr.aptic.qualification.eligibility;

import java.util.HashMap;
import java.util.Map;

/** Eligibility variables for the applicants the tests talk about, named and typed as the Java side sets them. */
final class Applicants {

    private Applicants() {}

    /** The free applicant of API.md's example: 2 mediators, 3 supervised volunteers, 30 h a week, one service. */
    static Map<String, Object> typicalFreeApplicant() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("siretValid", true);
        variables.put("siretPublic", true);
        variables.put("applicationDate", "2026-11-22");
        variables.put("placesInFrance", 1);
        variables.put("servicesOffered", 1);
        variables.put("ownPlaces", 1);
        variables.put("partnerPlaces", 0);
        variables.put("itinerantPlaces", 0);
        variables.put("homePlaces", 0);
        variables.put("partnerPlacesWithoutConvention", 0);
        variables.put("trainedMediators", 2);
        variables.put("volunteers", 3);
        variables.put("supervisedVolunteers", 3);
        variables.put("openingHoursPerWeek", 30);
        variables.put("accessible", true);
        variables.put("yearsOfActivity", 4);
        variables.put("nationalProgrammes", 1);
        variables.put("servicesPerYear", 1800);
        variables.put("regulatedPrice", true);
        return variables;
    }
}
