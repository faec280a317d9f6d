package fr.aptic.qualification.application;

import fr.aptic.qualification.reference.Bic;
import fr.aptic.qualification.reference.CharterCommitments;
import fr.aptic.qualification.reference.Email;
import fr.aptic.qualification.reference.Iban;
import fr.aptic.qualification.reference.NationalServices;
import fr.aptic.qualification.reference.PlainText;
import fr.aptic.qualification.reference.Siret;
import fr.aptic.qualification.reference.Territories;
import fr.aptic.qualification.system.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    public static final Set<String> LEGAL_FORMS = Set.of(
            "ASSOCIATION",
            "FOUNDATION",
            "COOPERATIVE",
            "COMPANY",
            "SOLE_TRADER",
            "MUNICIPALITY",
            "INTERMUNICIPALITY",
            "PUBLIC_BODY",
            "OTHER");
    public static final Set<String> PLACE_KINDS = Set.of("OWN_PLACE", "PARTNER_PLACE", "ITINERANT", "HOME");
    static final int MAX_PLACES = 50;
    /** The charter's version in force: the commitments checked are this version's. */
    static final String CHARTER_VERSION = "V2";

    private static final Pattern PHONE = Pattern.compile("[+0-9 .()-]{6,25}");
    private static final Pattern INSEE = Pattern.compile("[0-9][0-9AB][0-9]{3}");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]{1,490}");

    private final Territories territories;

    public ApplicationValidator() {
        this(Territories.defaults());
    }

    ApplicationValidator(Territories territories) {
        this.territories = territories;
    }

    /** Every error of the application, empty when it is valid. */
    public List<FieldError> validate(ApplicationRequest request) {
        Errors errors = new Errors();
        if (request == null) {
            errors.add("", "corps de requête obligatoire");
            return errors.list;
        }
        String siret = errors.text("siret", request.siret(), 14, true);
        if (siret != null) {
            Siret.problem(siret).ifPresent(problem -> errors.add("siret", problem));
        }
        organisation(errors, request.organisation());
        contact(errors, request.contact());
        representative(errors, request.legalRepresentative());
        places(errors, request.places());
        quality(errors, request.quality());
        charter(errors, request.charter());
        if (request.termsAccepted() == null) {
            errors.add("termsAccepted", "obligatoire");
        } else if (!request.termsAccepted()) {
            errors.add("termsAccepted", "les conditions générales doivent être acceptées");
        }
        bank(errors, "bank", request.bank(), false);
        return errors.list;
    }

    /** Errors of bank details given at the contract step, where they are required. */
    public List<FieldError> validateBank(ApplicationRequest.Bank bank) {
        Errors errors = new Errors();
        bank(errors, "bank", bank, true);
        return errors.list;
    }

    private void organisation(Errors errors, ApplicationRequest.Organisation organisation) {
        if (organisation == null) {
            errors.add("organisation", "obligatoire");
            return;
        }
        errors.text("organisation.name", organisation.name(), 300, true);
        String legalForm = errors.text("organisation.legalForm", organisation.legalForm(), 40, true);
        if (legalForm != null && !LEGAL_FORMS.contains(legalForm)) {
            errors.add(
                    "organisation.legalForm", "forme juridique inconnue ; valeurs possibles : " + sorted(LEGAL_FORMS));
        }
        String website = errors.text("organisation.website", organisation.website(), 500, false);
        if (website != null && !URL.matcher(website).matches()) {
            errors.add("organisation.website", "adresse web invalide (http:// ou https://)");
        }
        errors.multiline("organisation.description", organisation.description(), 4000);
    }

    private void contact(Errors errors, ApplicationRequest.Contact contact) {
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

    private void representative(Errors errors, ApplicationRequest.LegalRepresentative representative) {
        if (representative == null) {
            errors.add("legalRepresentative", "obligatoire");
            return;
        }
        errors.text("legalRepresentative.name", representative.name(), 200, true);
        errors.email("legalRepresentative.email", representative.email());
    }

    private void places(Errors errors, List<ApplicationRequest.Place> places) {
        if (places == null || places.isEmpty()) {
            errors.add("places", "au moins un lieu est obligatoire");
            return;
        }
        if (places.size() > MAX_PLACES) {
            errors.add("places", "au plus " + MAX_PLACES + " lieux par demande");
            return;
        }
        for (int i = 0; i < places.size(); i++) {
            place(errors, "places[" + i + "]", places.get(i));
        }
    }

    private void place(Errors errors, String at, ApplicationRequest.Place place) {
        if (place == null) {
            errors.add(at, "lieu vide");
            return;
        }
        errors.text(at + ".name", place.name(), 300, true);
        errors.text(at + ".address", place.address(), 500, true);
        String postalCode = errors.text(at + ".postalCode", place.postalCode(), 5, true);
        if (postalCode != null
                && territories.departementOfPostalCode(postalCode).isEmpty()) {
            errors.add(at + ".postalCode", "code postal inconnu ou hors de France : " + postalCode);
        }
        String insee = errors.text(at + ".inseeCode", place.inseeCode(), 5, false);
        if (insee != null && !INSEE.matcher(insee).matches()) {
            errors.add(at + ".inseeCode", "code INSEE invalide (5 caractères, ex. 69381 ou 2A004)");
        }
        errors.text(at + ".commune", place.commune(), 200, true);
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
    }

    private void quality(Errors errors, ApplicationRequest.Quality quality) {
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

    private void charter(Errors errors, ApplicationRequest.Charter charter) {
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

    private void bank(Errors errors, String at, ApplicationRequest.Bank bank, boolean required) {
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

    /** Collects errors; its checks answer the value when it is usable, null otherwise. */
    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(FieldError.of(field, message));
        }

        String text(String field, String value, int max, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    add(field, "obligatoire");
                }
                return null;
            }
            if (value.length() > max) {
                add(field, "trop long (au plus " + max + " caractères)");
                return null;
            }
            if (!PlainText.isSingleLine(value)) {
                add(field, "caractères de contrôle interdits");
                return null;
            }
            return value;
        }

        void multiline(String field, String value, int max) {
            if (value == null) {
                return;
            }
            if (value.length() > max) {
                add(field, "trop long (au plus " + max + " caractères)");
            } else if (!PlainText.isMultiLine(value)) {
                add(field, "caractères de contrôle interdits");
            }
        }

        void email(String field, String value) {
            String email = text(field, value, 254, true);
            if (email != null && !Email.isValid(email)) {
                add(field, "adresse électronique invalide");
            }
        }

        void range(String field, Integer value, int min, int max, boolean required) {
            if (value == null) {
                if (required) {
                    add(field, "obligatoire");
                }
            } else if (value < min || value > max) {
                add(field, "doit être entre " + min + " et " + max);
            }
        }
    }
}
