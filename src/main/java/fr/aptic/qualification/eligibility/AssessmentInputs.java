package fr.aptic.qualification.eligibility;

import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.reference.CharterCommitments;
import fr.aptic.qualification.reference.NationalServices;
import fr.aptic.qualification.reference.Siret;
import fr.aptic.qualification.reference.Territories;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The facts of an application that the decision tables read, flattened into plain variables (counts,
 * booleans, ISO dates). It counts and sums; every judgement (thresholds, phases, knock-outs) stays in
 * {@code dmn/}.
 */
public final class AssessmentInputs {

    private AssessmentInputs() {}

    /** The variables of {@code eligibility} and {@code charter-compliance} for this application. */
    public static Map<String, Object> of(
            ApplicationRequest request, LocalDate applicationDate, Territories territories) {
        Map<String, Object> inputs = new HashMap<>();
        List<ApplicationRequest.Place> places = request.places() == null ? List.of() : request.places();
        Set<String> services = new HashSet<>();
        int inFrance = 0;
        int withoutConvention = 0;
        int servicesPerYear = 0;
        boolean regulated = !places.isEmpty();
        Map<String, Integer> kinds = new HashMap<>();
        for (ApplicationRequest.Place place : places) {
            if (departementOf(place, territories) != null) {
                inFrance++;
            }
            if (place.services() != null) {
                place.services().stream().filter(NationalServices::isService).forEach(services::add);
            }
            kinds.merge(Objects.requireNonNullElse(place.kind(), ""), 1, Integer::sum);
            if ("PARTNER_PLACE".equals(place.kind())
                    && (place.conventionReference() == null
                            || place.conventionReference().isBlank())) {
                withoutConvention++;
            }
            servicesPerYear += place.servicesPerYear() == null ? 0 : place.servicesPerYear();
            regulated &= Boolean.TRUE.equals(place.regulatedPrice());
        }
        ApplicationRequest.Quality quality = request.quality();
        ApplicationRequest.Organisation organisation = request.organisation();
        // canonical (ASSOCIATION, MUNICIPALITY, …) and INSEE's category (9220, 72, or null), for rules on them
        inputs.put("legalForm", organisation == null ? null : organisation.legalForm());
        inputs.put("legalCategory", organisation == null ? null : organisation.legalCategory());
        inputs.put("siretValid", request.siret() != null && Siret.isValid(request.siret()));
        // The SIRENE "non diffusible" flag needs the SIRENE API, which this engine does not call yet.
        inputs.put("siretPublic", true);
        inputs.put("applicationDate", applicationDate.toString());
        inputs.put("placesInFrance", inFrance);
        inputs.put("servicesOffered", services.size());
        inputs.put("ownPlaces", kinds.getOrDefault("OWN_PLACE", 0));
        inputs.put("partnerPlaces", kinds.getOrDefault("PARTNER_PLACE", 0));
        inputs.put("itinerantPlaces", kinds.getOrDefault("ITINERANT", 0));
        inputs.put("homePlaces", kinds.getOrDefault("HOME", 0));
        inputs.put("partnerPlacesWithoutConvention", withoutConvention);
        inputs.put("trainedMediators", intOf(quality == null ? null : quality.trainedMediators()));
        inputs.put("volunteers", intOf(quality == null ? null : quality.volunteers()));
        inputs.put("supervisedVolunteers", intOf(quality == null ? null : quality.supervisedVolunteers()));
        inputs.put("openingHoursPerWeek", intOf(quality == null ? null : quality.openingHoursPerWeek()));
        inputs.put("accessible", quality != null && Boolean.TRUE.equals(quality.accessible()));
        inputs.put("yearsOfActivity", intOf(quality == null ? null : quality.yearsOfActivity()));
        inputs.put(
                "nationalProgrammes",
                quality == null || quality.nationalProgrammes() == null
                        ? 0
                        : quality.nationalProgrammes().size());
        inputs.put("servicesPerYear", servicesPerYear);
        inputs.put("regulatedPrice", regulated);
        ApplicationRequest.Charter charter = request.charter();
        inputs.put("charterVersion", charter == null ? null : charter.version());
        inputs.put("acceptedCommitments", accepted(charter));
        return inputs;
    }

    /** The département of the first place: it decides which hub reviews. */
    public static String departementOfFirstPlace(ApplicationRequest request, Territories territories) {
        if (request.places() == null || request.places().isEmpty()) {
            return null;
        }
        return departementOf(request.places().get(0), territories);
    }

    public static String departementOf(ApplicationRequest.Place place, Territories territories) {
        return territories.departementOfPlace(place.inseeCode(), place.postalCode());
    }

    private static List<String> accepted(ApplicationRequest.Charter charter) {
        if (charter == null || charter.commitments() == null) {
            return List.of();
        }
        return CharterCommitments.V2.stream()
                .filter(code -> Boolean.TRUE.equals(charter.commitments().get(code)))
                .toList();
    }

    private static int intOf(Integer value) {
        return value == null ? 0 : value;
    }
}
