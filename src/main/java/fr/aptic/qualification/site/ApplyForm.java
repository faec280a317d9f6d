package fr.aptic.qualification.site;

import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationRequest.Place;
import fr.aptic.qualification.reference.CharterCommitments;
import fr.aptic.qualification.web.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * Reads one step of the application form into the draft: the form's fields are named as the API's ({@code
 * organisation.name}, {@code places[0].postalCode}), text is trimmed, and a number or a yes/no that cannot be
 * read is an error on its field. Every rule beyond the type is the application validator's.
 */
final class ApplyForm {

    private static final Pattern PLACE_INDEX = Pattern.compile("^places\\[(\\d+)\\]\\.");
    static final int MAX_PLACES = 20;

    /** The draft with the step's answers, the answers that could not be read, and what was typed for them. */
    record Bound(ApplicationRequest request, List<FieldError> errors, Map<String, String> typed) {}

    private final MultiValueMap<String, String> form;
    private final List<FieldError> errors = new ArrayList<>();
    private final Map<String, String> typed = new LinkedHashMap<>();

    private ApplyForm(MultiValueMap<String, String> form) {
        this.form = form;
    }

    static ApplicationRequest empty() {
        return new ApplicationRequest(null, null, null, null, List.of(emptyPlace()), null, null, null, null);
    }

    static Place emptyPlace() {
        return new Place(null, null, null, null, null, null, null, null, null, null, List.of(), null, null);
    }

    static Bound bind(Step step, MultiValueMap<String, String> form, ApplicationRequest draft) {
        ApplyForm reader = new ApplyForm(form);
        ApplicationRequest d = draft;
        ApplicationRequest bound = switch (step) {
            case ORGANISATION ->
                new ApplicationRequest(
                        reader.text("siret") == null
                                ? null
                                : reader.text("siret").replace(" ", ""),
                        new ApplicationRequest.Organisation(
                                reader.text("organisation.name"),
                                reader.text("organisation.legalForm"),
                                null,
                                reader.text("organisation.website"),
                                reader.text("organisation.description")),
                        new ApplicationRequest.Contact(
                                reader.text("contact.name"),
                                reader.text("contact.email"),
                                reader.text("contact.phone")),
                        new ApplicationRequest.LegalRepresentative(
                                reader.text("legalRepresentative.name"), reader.text("legalRepresentative.email")),
                        d.places(),
                        d.quality(),
                        d.charter(),
                        d.termsAccepted(),
                        d.bank());
            case LIEUX -> withPlaces(d, reader.places(d.places()));
            case SERVICES -> withPlaces(d, reader.services(d.places()));
            case QUALITE ->
                new ApplicationRequest(
                        d.siret(),
                        d.organisation(),
                        d.contact(),
                        d.legalRepresentative(),
                        d.places(),
                        new ApplicationRequest.Quality(
                                reader.integer("quality.trainedMediators"),
                                reader.integer("quality.volunteers"),
                                reader.integer("quality.supervisedVolunteers"),
                                reader.integer("quality.openingHoursPerWeek"),
                                reader.yesNo("quality.accessible"),
                                reader.integer("quality.yearsOfActivity"),
                                reader.list("quality.nationalProgrammes")),
                        d.charter(),
                        d.termsAccepted(),
                        d.bank());
            case CHARTE -> {
                Map<String, Boolean> commitments = new LinkedHashMap<>();
                CharterCommitments.V2.forEach(code -> commitments.put(code, reader.checked("charter." + code)));
                yield new ApplicationRequest(
                        d.siret(),
                        d.organisation(),
                        d.contact(),
                        d.legalRepresentative(),
                        d.places(),
                        d.quality(),
                        new ApplicationRequest.Charter(CharterCommitments.CURRENT_VERSION, commitments),
                        d.termsAccepted(),
                        d.bank());
            }
            case CONDITIONS ->
                new ApplicationRequest(
                        d.siret(),
                        d.organisation(),
                        d.contact(),
                        d.legalRepresentative(),
                        d.places(),
                        d.quality(),
                        d.charter(),
                        reader.checked("termsAccepted"),
                        d.bank());
            case BANQUE -> withBank(d, reader.bank());
            case RECAPITULATIF -> d;
        };
        return new Bound(bound, List.copyOf(reader.errors), Map.copyOf(reader.typed));
    }

    /** The bank details of a form, {@code null} when left empty (they may come at the contract step). */
    static ApplicationRequest.Bank bank(MultiValueMap<String, String> form) {
        return new ApplyForm(form).bank();
    }

    static ApplicationRequest withPlaces(ApplicationRequest d, List<Place> places) {
        return new ApplicationRequest(
                d.siret(),
                d.organisation(),
                d.contact(),
                d.legalRepresentative(),
                places,
                d.quality(),
                d.charter(),
                d.termsAccepted(),
                d.bank());
    }

    static ApplicationRequest withBank(ApplicationRequest d, ApplicationRequest.Bank bank) {
        return new ApplicationRequest(
                d.siret(),
                d.organisation(),
                d.contact(),
                d.legalRepresentative(),
                d.places(),
                d.quality(),
                d.charter(),
                d.termsAccepted(),
                bank);
    }

    private ApplicationRequest.Bank bank() {
        String holder = text("bank.holder");
        String iban = text("bank.iban");
        String bic = text("bank.bic");
        if (holder == null && iban == null && bic == null) {
            return null;
        }
        return new ApplicationRequest.Bank(
                holder, iban == null ? null : iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT), bic);
    }

    /** The places as the form lists them (its indices, in order), each keeping its services. */
    private List<Place> places(List<Place> current) {
        List<Place> places = new ArrayList<>();
        for (int i : indices()) {
            Place before = i < current.size() ? current.get(i) : emptyPlace();
            String at = "places[" + i + "].";
            places.add(new Place(
                    text(at + "name"),
                    text(at + "address"),
                    text(at + "postalCode"),
                    text(at + "inseeCode"),
                    text(at + "commune"),
                    text(at + "kind"),
                    text(at + "conventionReference"),
                    before.openingHours(),
                    before.regulatedPrice(),
                    before.servicesPerYear(),
                    before.services(),
                    decimal(at + "latitude"),
                    decimal(at + "longitude")));
        }
        return places.isEmpty() ? List.of(emptyPlace()) : places;
    }

    private List<Place> services(List<Place> current) {
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            Place p = current.get(i);
            String at = "places[" + i + "].";
            places.add(new Place(
                    p.name(),
                    p.address(),
                    p.postalCode(),
                    p.inseeCode(),
                    p.commune(),
                    p.kind(),
                    p.conventionReference(),
                    text(at + "openingHours"),
                    yesNo(at + "regulatedPrice"),
                    integer(at + "servicesPerYear"),
                    list(at + "services"),
                    p.latitude(),
                    p.longitude()));
        }
        return places;
    }

    /** The place indices the form names, in order, at most {@link #MAX_PLACES}. */
    private List<Integer> indices() {
        return form.keySet().stream()
                .map(PLACE_INDEX::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .filter(index -> index.length() <= 2)
                .map(Integer::valueOf)
                .filter(index -> index < MAX_PLACES)
                .distinct()
                .sorted()
                .toList();
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

    /** A decimal as French people write it too ({@code 41,9192}). */
    private Double decimal(String field) {
        return read(field, "nombre décimal attendu (par exemple 41,9192)", value -> {
            try {
                double number = Double.parseDouble(value.replace(',', '.').replace(" ", ""));
                return Double.isFinite(number) ? number : null;
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

    /**
     * A field's value read by {@code parse} ({@code null} when it cannot read it): empty is {@code null}; unreadable
     * is an error on the field, what was typed kept to be shown again.
     */
    private <T> T read(String field, String message, java.util.function.Function<String, T> parse) {
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

    private boolean checked(String field) {
        return "oui".equals(text(field));
    }

    private List<String> list(String field) {
        List<String> values = form.get(field);
        return values == null
                ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
