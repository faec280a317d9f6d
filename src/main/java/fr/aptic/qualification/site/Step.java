package fr.aptic.qualification.site;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The steps of the application form, in order, each owning the fields of the application it asks for: a step is
 * checked by the application's validator, keeping the errors of its own fields.
 */
public enum Step {
    ORGANISATION("organisation", "Votre structure", "^(siret|organisation|contact|legalRepresentative)(\\..*)?$"),
    LIEUX(
            "lieux",
            "Lieux d'accueil",
            "^places(\\[\\d+\\](\\.(name|address|postalCode|inseeCode|commune|kind|conventionReference|latitude"
                    + "|longitude))?)?$"),
    SERVICES(
            "services",
            "Services proposés",
            "^places\\[\\d+\\]\\.(services(\\[\\d+\\])?|openingHours|servicesPerYear|regulatedPrice)$"),
    QUALITE("qualite", "Qualité de l'accompagnement", "^quality(\\..*)?$"),
    CHARTE("charte", "Charte d'engagements", "^charter(\\..*)?$"),
    CONDITIONS("conditions", "Conditions générales", "^termsAccepted$"),
    BANQUE("banque", "Coordonnées bancaires", "^bank(\\..*)?$"),
    RECAPITULATIF("recapitulatif", "Récapitulatif et envoi", "^$");

    private final String slug;
    private final String title;
    private final Pattern fields;

    Step(String slug, String title, String fields) {
        this.slug = slug;
        this.title = title;
        this.fields = Pattern.compile(fields);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** 1-based, as the stepper shows it. */
    public int number() {
        return ordinal() + 1;
    }

    public static int count() {
        return values().length;
    }

    boolean owns(String field) {
        return fields.matcher(field == null ? "" : field).matches();
    }

    public Optional<Step> next() {
        return ordinal() + 1 < count() ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    public Optional<Step> previous() {
        return ordinal() > 0 ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
    }

    /** The step that asks for a field, for an error found at the last step. */
    static Step owning(String field) {
        return Arrays.stream(values())
                .filter(step -> step.owns(field))
                .findFirst()
                .orElse(RECAPITULATIF);
    }

    static Optional<Step> of(String slug) {
        return Arrays.stream(values()).filter(step -> step.slug.equals(slug)).findFirst();
    }
}
