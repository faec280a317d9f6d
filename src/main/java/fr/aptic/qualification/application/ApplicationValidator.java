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

    public static final Set<String> PLACE_KINDS = PlaceChecks.PLACE_KINDS;
    /** The charter's version in force: the commitments checked are this version's. */
    static final String CHARTER_VERSION = "V2";

    private static final Pattern PHONE = Pattern.compile("[+0-9 .()-]{6,25}");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]{1,490}");

    private final LegalForms legalForms;
    private final PlaceChecks placeChecks;

    public ApplicationValidator() {
        this(Territories.defaults(), LegalForms.defaults(), Communes.defaults());
    }

    ApplicationValidator(Territories territories, LegalForms legalForms, Communes communes) {
        this.legalForms = legalForms;
        this.placeChecks = new PlaceChecks(territories, communes);
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
        List<ApplicationRequest.Place> places = placeChecks.places(errors, request.places());
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
