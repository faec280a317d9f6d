package fr.aptic.qualification.application;

import fr.aptic.qualification.reference.Bic;
import fr.aptic.qualification.reference.CharterCommitments;
import fr.aptic.qualification.reference.Communes;
import fr.aptic.qualification.reference.Iban;
import fr.aptic.qualification.reference.LegalForms;
import fr.aptic.qualification.reference.NationalServices;
import fr.aptic.qualification.reference.PlainText;
import fr.aptic.qualification.reference.Siret;
import fr.aptic.qualification.reference.Territories;
import fr.aptic.qualification.web.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks an application against the contract's rules and names every field at fault ({@code places[0].postalCode}).
 * The free path, network batches (row by row) and complements share it, so a rule holds everywhere at once.
 * What the decision tables judge (no service, phase not open, no trained mediator…) is not a validation error:
 * such an application is stored and assessed ineligible with its reasons.
 */
@Component
public class ApplicationValidator {

    public static final Set<String> PLACE_KINDS = Set.of("OWN_PLACE", "PARTNER_PLACE", "ITINERANT", "HOME");
    static final int MAX_PLACES = 50;
    /** The charter's version in force: the commitments checked are this version's. */
    static final String CHARTER_VERSION = "V2";

    private static final Pattern PHONE = Pattern.compile("[+0-9 .()-]{6,25}");
    private static final Pattern INSEE = Pattern.compile("[0-9][0-9AB][0-9]{3}");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]{1,490}");

    private final Territories territories;
    private final LegalForms legalForms;
    private final Communes communes;

    public ApplicationValidator() {
        this(Territories.defaults(), LegalForms.defaults(), Communes.defaults());
    }

    ApplicationValidator(Territories territories, LegalForms legalForms, Communes communes) {
        this.territories = territories;
        this.legalForms = legalForms;
        this.communes = communes;
    }

    /**
     * An application checked: every error (empty when it is valid) and, when valid, the application as it is
     * stored: the legal form in its canonical form with INSEE's category, and each place's INSEE code filled in
     * from its postal code and commune where it was missing.
     */
    public record Checked(ApplicationRequest request, List<FieldError> errors) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    /** Every error of the application, empty when it is valid. */
    public List<FieldError> validate(ApplicationRequest request) {
        return check(request).errors();
    }

    /** Checks the application and answers it as it is to be stored (see {@link Checked}). */
    public Checked check(ApplicationRequest request) {
        FieldChecks errors = new FieldChecks();
        if (request == null) {
            errors.add("", "corps de requête obligatoire");
            return new Checked(null, errors.list);
        }
        String siret = errors.text("siret", request.siret(), 14, true);
        if (siret != null) {
            Siret.problem(siret).ifPresent(problem -> errors.add("siret", problem));
        }
        ApplicationRequest.Organisation organisation = organisation(errors, request.organisation());
        contact(errors, request.contact());
        representative(errors, request.legalRepresentative());
        List<ApplicationRequest.Place> places = places(errors, request.places());
        quality(errors, request.quality());
        charter(errors, request.charter());
        if (request.termsAccepted() == null) {
            errors.add("termsAccepted", "obligatoire");
        } else if (!request.termsAccepted()) {
            errors.add("termsAccepted", "les conditions générales doivent être acceptées");
        }
        bank(errors, "bank", request.bank(), false);
        if (!errors.list.isEmpty()) {
            return new Checked(request, errors.list);
        }
        return new Checked(
                new ApplicationRequest(
                        request.siret(),
                        organisation,
                        request.contact(),
                        request.legalRepresentative(),
                        places,
                        request.quality(),
                        request.charter(),
                        request.termsAccepted(),
                        request.bank()),
                List.of());
    }

    /** Errors of bank details given at the contract step, where they are required. */
    public List<FieldError> validateBank(ApplicationRequest.Bank bank) {
        FieldChecks errors = new FieldChecks();
        bank(errors, "bank", bank, true);
        return errors.list;
    }

    /** The organisation with its legal form read, or null when it has none. */
    private ApplicationRequest.Organisation organisation(
            FieldChecks errors, ApplicationRequest.Organisation organisation) {
        if (organisation == null) {
            errors.add("organisation", "obligatoire");
            return null;
        }
        errors.text("organisation.name", organisation.name(), 300, true);
        String written = errors.text("organisation.legalForm", organisation.legalForm(), 120, true);
        Optional<LegalForms.LegalForm> legalForm = written == null ? Optional.empty() : legalForms.resolve(written);
        if (written != null && legalForm.isEmpty()) {
            errors.add("organisation.legalForm", LegalForms.unknown(written));
        }
        String website = errors.text("organisation.website", organisation.website(), 500, false);
        if (website != null && !URL.matcher(website).matches()) {
            errors.add("organisation.website", "adresse web invalide (http:// ou https://)");
        }
        errors.multiline("organisation.description", organisation.description(), 4000);
        return legalForm
                .map(form -> organisation.withLegalForm(form.canonical(), form.category()))
                .orElse(organisation);
    }

    private void contact(FieldChecks errors, ApplicationRequest.Contact contact) {
        if (contact == null) {
            errors.add("contact", "obligatoire");
            return;
        }
        errors.text("contact.name", contact.name(), 200, true);
        errors.email("contact.email", contact.email());
        String phone = errors.text("contact.phone", contact.phone(), 25, false);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add("contact.phone", "numéro de téléphone invalide");
        }
    }

    private void representative(FieldChecks errors, ApplicationRequest.LegalRepresentative representative) {
        if (representative == null) {
            errors.add("legalRepresentative", "obligatoire");
            return;
        }
        errors.text("legalRepresentative.name", representative.name(), 200, true);
        errors.email("legalRepresentative.email", representative.email());
    }

    /** The places, each with its INSEE code as found from its postal code and commune. */
    private List<ApplicationRequest.Place> places(FieldChecks errors, List<ApplicationRequest.Place> places) {
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
            errors.add(at + ".kind", "type de lieu inconnu ; valeurs possibles : " + sorted(PLACE_KINDS));
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
        return insee == null || insee.equals(place.inseeCode()) ? place : place.withInseeCode(insee);
    }

    private void quality(FieldChecks errors, ApplicationRequest.Quality quality) {
        if (quality == null) {
            errors.add("quality", "obligatoire");
            return;
        }
        errors.range("quality.trainedMediators", quality.trainedMediators(), 0, 10_000, true);
        errors.range("quality.volunteers", quality.volunteers(), 0, 10_000, false);
        errors.range("quality.supervisedVolunteers", quality.supervisedVolunteers(), 0, 10_000, false);
        if (quality.supervisedVolunteers() != null
                && quality.supervisedVolunteers() > (quality.volunteers() == null ? 0 : quality.volunteers())) {
            errors.add("quality.supervisedVolunteers", "ne peut dépasser le nombre de bénévoles");
        }
        errors.range("quality.openingHoursPerWeek", quality.openingHoursPerWeek(), 0, 168, true);
        if (quality.accessible() == null) {
            errors.add("quality.accessible", "obligatoire");
        }
        errors.range("quality.yearsOfActivity", quality.yearsOfActivity(), 0, 300, false);
        List<String> programmes = quality.nationalProgrammes();
        if (programmes != null) {
            for (int i = 0; i < programmes.size(); i++) {
                if (programmes.get(i) == null || !NationalServices.isProgramme(programmes.get(i))) {
                    errors.add(
                            "quality.nationalProgrammes[" + i + "]",
                            "dispositif national inconnu : " + PlainText.shown(programmes.get(i)));
                }
            }
        }
    }

    private void charter(FieldChecks errors, ApplicationRequest.Charter charter) {
        if (charter == null) {
            errors.add("charter", "obligatoire");
            return;
        }
        String version = errors.text("charter.version", charter.version(), 10, true);
        if (version != null && !CHARTER_VERSION.equals(version)) {
            errors.add("charter.version", "version de la charte inconnue ; version en vigueur : " + CHARTER_VERSION);
        }
        Map<String, Boolean> commitments = charter.commitments();
        if (commitments == null) {
            errors.add("charter.commitments", "obligatoire");
            return;
        }
        commitments.forEach((code, accepted) -> {
            if (!CharterCommitments.V2.contains(code)) {
                errors.add(
                        "charter.commitments." + code,
                        "engagement inconnu de la charte ; valeurs possibles : " + CharterCommitments.V2);
            } else if (accepted == null) {
                errors.add("charter.commitments." + code, "obligatoire (true ou false)");
            }
        });
    }

    private void bank(FieldChecks errors, String at, ApplicationRequest.Bank bank, boolean required) {
        if (bank == null) {
            if (required) {
                errors.add(at, "obligatoire");
            }
            return;
        }
        errors.text(at + ".holder", bank.holder(), 200, true);
        String iban = errors.text(at + ".iban", bank.iban(), 50, true);
        if (iban != null && !Iban.isValid(iban)) {
            errors.add(at + ".iban", "IBAN invalide (longueur ou clé de contrôle)");
        }
        String bic = errors.text(at + ".bic", bank.bic(), 11, true);
        if (bic != null && !Bic.isValid(bic)) {
            errors.add(at + ".bic", "BIC invalide (8 ou 11 caractères)");
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
