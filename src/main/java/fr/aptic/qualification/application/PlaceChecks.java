package fr.aptic.qualification.application;

import fr.aptic.qualification.reference.Communes;
import fr.aptic.qualification.reference.Coordinates;
import fr.aptic.qualification.reference.NationalServices;
import fr.aptic.qualification.reference.PlainText;
import fr.aptic.qualification.reference.Territories;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of an application's places: each field, the postal code against its commune (the INSEE code filled in
 * from the commune's name where it was missing), the kind, the services and the applicant's pin (both or neither
 * coordinate, in France: {@link Coordinates}). Part of {@link ApplicationValidator}.
 */
final class PlaceChecks {

    static final Set<String> PLACE_KINDS = Set.of("OWN_PLACE", "PARTNER_PLACE", "ITINERANT", "HOME");
    static final int MAX_PLACES = 50;

    private static final Pattern INSEE = Pattern.compile("[0-9][0-9AB][0-9]{3}");

    private final Territories territories;
    private final Communes communes;

    PlaceChecks(Territories territories, Communes communes) {
        this.territories = territories;
        this.communes = communes;
    }

    /** The places, each with its INSEE code as found from its postal code and commune. */
    List<ApplicationRequest.Place> places(FieldChecks errors, List<ApplicationRequest.Place> places) {
        if (places == null || places.isEmpty()) {
            errors.add("places", "au moins un lieu est obligatoire");
            return places;
        }
        if (places.size() > MAX_PLACES) {
            errors.add("places", "au plus " + MAX_PLACES + " lieux par demande");
            return places;
        }
        List<ApplicationRequest.Place> located = new ArrayList<>(places.size());
        for (int i = 0; i < places.size(); i++) {
            located.add(place(errors, "places[" + i + "]", places.get(i)));
        }
        return located;
    }

    private ApplicationRequest.Place place(FieldChecks errors, String at, ApplicationRequest.Place place) {
        if (place == null) {
            errors.add(at, "lieu vide");
            return null;
        }
        errors.text(at + ".name", place.name(), 300, true);
        errors.text(at + ".address", place.address(), 500, true);
        String postalCode = errors.text(at + ".postalCode", place.postalCode(), 5, true);
        boolean located = postalCode != null;
        if (postalCode != null
                && territories.departementOfPostalCode(postalCode).isEmpty()) {
            errors.add(at + ".postalCode", "code postal inconnu ou hors de France : " + postalCode);
            located = false;
        }
        String insee = errors.text(at + ".inseeCode", place.inseeCode(), 5, false);
        if (insee != null && !INSEE.matcher(insee).matches()) {
            errors.add(at + ".inseeCode", "code INSEE invalide (5 caractères, ex. 69381 ou 2A004)");
            located = false;
        }
        String commune = errors.text(at + ".commune", place.commune(), 200, true);
        if (located && (commune != null || insee != null)) {
            Communes.Location location = communes.locate(postalCode, insee, commune);
            if (location instanceof Communes.Location.Found found) {
                insee = found.inseeCode();
            } else if (location instanceof Communes.Location.Refused refused) {
                errors.add(at + "." + refused.field(), refused.message());
            }
        }
        String kind = errors.text(at + ".kind", place.kind(), 20, true);
        if (kind != null && !PLACE_KINDS.contains(kind)) {
            errors.add(
                    at + ".kind",
                    "type de lieu inconnu ; valeurs possibles : "
                            + PLACE_KINDS.stream().sorted().toList());
        }
        errors.text(at + ".conventionReference", place.conventionReference(), 100, false);
        errors.text(at + ".openingHours", place.openingHours(), 500, false);
        if (place.regulatedPrice() == null) {
            errors.add(at + ".regulatedPrice", "obligatoire");
        }
        errors.range(at + ".servicesPerYear", place.servicesPerYear(), 0, 1_000_000, true);
        if (place.services() == null) {
            errors.add(at + ".services", "obligatoire (liste, éventuellement vide)");
        } else {
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < place.services().size(); j++) {
                String service = place.services().get(j);
                String field = at + ".services[" + j + "]";
                if (service == null || !NationalServices.isService(service)) {
                    errors.add(field, "service inconnu du référentiel national : " + PlainText.shown(service));
                } else if (!seen.add(service)) {
                    errors.add(field, "service en double : " + PlainText.shown(service));
                }
            }
        }
        for (Coordinates.Problem problem : Coordinates.problems(place.latitude(), place.longitude())) {
            errors.add(at + "." + problem.axis().field(), problem.message());
        }
        return insee == null || insee.equals(place.inseeCode()) ? place : place.withInseeCode(insee);
    }
}
