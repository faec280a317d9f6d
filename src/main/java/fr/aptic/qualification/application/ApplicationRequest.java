package fr.aptic.qualification.application;

import fr.aptic.qualification.reference.Iban;
import java.util.List;
import java.util.Map;

/**
 * An application for qualification as the applicant (or a network partner, row by row) sends it. Types are
 * checked by Jackson; every rule is checked by {@link ApplicationValidator}.
 */
public record ApplicationRequest(
        String siret,
        Organisation organisation,
        Contact contact,
        LegalRepresentative legalRepresentative,
        List<Place> places,
        Quality quality,
        Charter charter,
        Boolean termsAccepted,
        Bank bank) {

    /**
     * The producer's organisation. {@code legalForm} is written as people write it ("Association loi 1901",
     * "Mairie", "9220") and stored as its canonical form ({@code ASSOCIATION}); {@code legalCategory} is then
     * INSEE's category when the words said it ({@code 9220}), filled in by {@link ApplicationValidator#check}.
     */
    public record Organisation(
            String name, String legalForm, String legalCategory, String website, String description) {

        Organisation withLegalForm(String canonical, String category) {
            return new Organisation(name, canonical, category, website, description);
        }
    }

    /** Who the team writes to. */
    public record Contact(String name, String email, String phone) {}

    /** Who signs for the organisation. */
    public record LegalRepresentative(String name, String email) {}

    /**
     * A point of presence and the services offered there. {@code latitude} and {@code longitude} are the
     * applicant's pin (optional, both or neither); a place without one is located later, from the directory or
     * the national address geocoder.
     */
    public record Place(
            String name,
            String address,
            String postalCode,
            String inseeCode,
            String commune,
            String kind,
            String conventionReference,
            String openingHours,
            Boolean regulatedPrice,
            Integer servicesPerYear,
            List<String> services,
            Double latitude,
            Double longitude) {

        /** Whether the applicant pinned the place. */
        public boolean pinned() {
            return latitude != null && longitude != null;
        }

        Place withInseeCode(String code) {
            return new Place(
                    name,
                    address,
                    postalCode,
                    code,
                    commune,
                    kind,
                    conventionReference,
                    openingHours,
                    regulatedPrice,
                    servicesPerYear,
                    services,
                    latitude,
                    longitude);
        }
    }

    /** The answers to the eligibility questionnaire. */
    public record Quality(
            Integer trainedMediators,
            Integer volunteers,
            Integer supervisedVolunteers,
            Integer openingHoursPerWeek,
            Boolean accessible,
            Integer yearsOfActivity,
            List<String> nationalProgrammes) {}

    /** The charter version and each commitment accepted or not. */
    public record Charter(String version, Map<String, Boolean> commitments) {}

    /**
     * Bank details for the counter-payment of passes. Only the back office reads them in full; printed (a
     * log line, an exception message), the IBAN is masked.
     */
    public record Bank(String holder, String iban, String bic) {
        @Override
        public String toString() {
            return "Bank[holder=" + holder + ", iban=" + Iban.masked(iban) + ", bic=" + bic + "]";
        }
    }
}
