package fr.aptic.qualification.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationRequest.Place;
import fr.aptic.qualification.application.ApplicationRequest.Quality;
import fr.aptic.qualification.web.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;

/**
 * Reads the renewal page's « Mettre à jour mes lieux » form over the stored application: for each stored place (by
 * its index, as the form names it: {@code places[0].openingHours}) its name, address, hours, services, volume and
 * price; and two quality answers. What the form does not ask (the kind, the convention) is kept. A number or a
 * yes/no that cannot be read is an error on its field; every other rule is the application validator's, through
 * {@link QualificationService#confirmRenewal}.
 */
final class RenewalForm {

    /** The places and quality as the form leaves them, the answers that could not be read and what was typed. */
    record Bound(List<Place> places, Quality quality, List<FieldError> errors, Map<String, String> typed) {

        /** The renewal's change: all the places (and the quality), as {@code confirmRenewal} takes it. */
        ObjectNode patch(ObjectMapper json) {
            ObjectNode patch = json.createObjectNode();
            patch.set("places", json.valueToTree(places));
            if (quality != null) {
                patch.set("quality", json.valueToTree(quality));
            }
            return patch;
        }

        /** The stored application with these answers, to show the form again as it was sent. */
        ApplicationRequest over(ApplicationRequest stored) {
            return new ApplicationRequest(
                    stored.siret(),
                    stored.organisation(),
                    stored.contact(),
                    stored.legalRepresentative(),
                    places,
                    quality,
                    stored.charter(),
                    stored.termsAccepted(),
                    stored.bank());
        }
    }

    private final MultiValueMap<String, String> form;
    private final List<FieldError> errors = new ArrayList<>();
    private final Map<String, String> typed = new LinkedHashMap<>();

    private RenewalForm(MultiValueMap<String, String> form) {
        this.form = form;
    }

    static Bound bind(MultiValueMap<String, String> form, ApplicationRequest stored) {
        RenewalForm reader = new RenewalForm(form);
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < stored.places().size(); i++) {
            places.add(reader.place("places[" + i + "].", stored.places().get(i)));
        }
        return new Bound(
                List.copyOf(places),
                reader.quality(stored.quality()),
                List.copyOf(reader.errors),
                Map.copyOf(reader.typed));
    }

    private Place place(String at, Place stored) {
        String address = text(at + "address");
        String postalCode = text(at + "postalCode");
        String commune = text(at + "commune");
        // a place that moved loses its pin and INSEE code: the validator finds the commune again, the geocoder the spot
        boolean moved = !Objects.equals(address, stored.address())
                || !Objects.equals(postalCode, stored.postalCode())
                || !Objects.equals(commune, stored.commune());
        return new Place(
                text(at + "name"),
                address,
                postalCode,
                moved ? null : stored.inseeCode(),
                commune,
                stored.kind(),
                stored.conventionReference(),
                text(at + "openingHours"),
                yesNo(at + "regulatedPrice"),
                integer(at + "servicesPerYear"),
                list(at + "services"),
                moved ? null : stored.latitude(),
                moved ? null : stored.longitude());
    }

    private Quality quality(Quality stored) {
        Integer mediators = integer("quality.trainedMediators");
        Integer hours = integer("quality.openingHoursPerWeek");
        if (stored == null) {
            return mediators == null && hours == null
                    ? null
                    : new Quality(mediators, null, null, hours, null, null, null);
        }
        return new Quality(
                mediators,
                stored.volunteers(),
                stored.supervisedVolunteers(),
                hours,
                stored.accessible(),
                stored.yearsOfActivity(),
                stored.nationalProgrammes());
    }

    private String text(String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Integer integer(String field) {
        return read(field, "nombre entier attendu", value -> {
            try {
                return Integer.valueOf(value.replace(" ", "").replace("\u00A0", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        });
    }

    private Boolean yesNo(String field) {
        return read(field, "répondez oui ou non", value -> switch (value) {
            case "oui" -> true;
            case "non" -> false;
            default -> null;
        });
    }

    private <T> T read(String field, String message, Function<String, T> parse) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        T parsed = parse.apply(value);
        if (parsed == null) {
            errors.add(FieldError.of(field, message));
            typed.put(field, value);
        }
        return parsed;
    }

    private List<String> list(String field) {
        List<String> values = form.get(field);
        return values == null
                ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
