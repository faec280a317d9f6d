package fr.aptic.qualification.lifecycle;

import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.TimelineEvent;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a renewal's confirmation changed: {@code PLACES} when a place was added, removed or moved (the hub reviews
 * it like a new application), {@code ELIGIBILITY} when something the rules read changed (hours, services,
 * quality, charter, legal form: the assessment runs again), {@code NONE} otherwise (a new contact, say).
 */
final class RenewalChanges {

    static final String NONE = "NONE";
    static final String ELIGIBILITY = "ELIGIBILITY";
    static final String PLACES = "PLACES";

    private RenewalChanges() {}

    static String between(ApplicationRequest stored, ApplicationRequest changed) {
        if (!where(stored.places()).equals(where(changed.places()))) {
            return PLACES;
        }
        boolean rulesRead = !what(stored.places()).equals(what(changed.places()))
                || !Objects.equals(stored.quality(), changed.quality())
                || !Objects.equals(stored.charter(), changed.charter())
                || !Objects.equals(legalForm(stored), legalForm(changed));
        return rulesRead ? ELIGIBILITY : NONE;
    }

    static String inWords(String change) {
        return switch (change) {
            case PLACES -> "Lieux modifiés : instruction par le hub";
            case ELIGIBILITY -> "Informations modifiées : nouvelle évaluation de l'éligibilité";
            default -> "Sans changement des lieux, services ni engagements";
        };
    }

    /** The change of the last confirmation in a qualification's history ({@link #NONE} without one). */
    static String lastConfirmed(List<TimelineEvent> history) {
        String words = history.stream()
                .filter(event -> "RENEWAL_CONFIRMED".equals(event.event()))
                .reduce((first, second) -> second)
                .map(TimelineEvent::detail)
                .orElse(null);
        return Stream.of(PLACES, ELIGIBILITY)
                .filter(change -> inWords(change).equals(words))
                .findFirst()
                .orElse(NONE);
    }

    // where each place is: a change here is a new place for the hub to review
    private static List<List<Object>> where(List<ApplicationRequest.Place> places) {
        return places.stream()
                .map(p -> List.<Object>of(
                        String.valueOf(p.name()),
                        String.valueOf(p.address()),
                        String.valueOf(p.postalCode()),
                        String.valueOf(p.inseeCode()),
                        String.valueOf(p.commune()),
                        String.valueOf(p.kind()),
                        String.valueOf(p.conventionReference()),
                        String.valueOf(p.latitude()),
                        String.valueOf(p.longitude())))
                .toList();
    }

    // what each place offers: hours, services, prices, volume
    private static List<List<Object>> what(List<ApplicationRequest.Place> places) {
        return places.stream()
                .map(p -> List.<Object>of(
                        String.valueOf(p.openingHours()),
                        String.valueOf(p.regulatedPrice()),
                        String.valueOf(p.servicesPerYear()),
                        String.valueOf(p.services())))
                .toList();
    }

    private static String legalForm(ApplicationRequest request) {
        return request.organisation() == null ? null : request.organisation().legalForm();
    }
}
