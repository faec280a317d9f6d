package fr.aptic.qualification.territory;

import fr.aptic.qualification.engine.SystemAuthority;
import fr.aptic.qualification.reference.PlainText;
import fr.aptic.qualification.reference.Territories;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a funder's pass injection and answers the territory's consolidation; when the injection leaves the
 * territory under-served, opens a campaign for its hub, unless one is already open there. All in one
 * transaction: a refused injection stores nothing and opens nothing.
 */
@Service
public class InjectionService {

    static final int MAX_PASSES = 10_000_000;
    static final int MAX_FACE_VALUE_CENTS = 100_000;
    static final int MAX_FUNDER = 300;
    private static final Logger log = LoggerFactory.getLogger(InjectionService.class);

    private final TerritoryRepository territory;
    private final ConsolidationService consolidations;
    private final CampaignService campaigns;
    private final SystemAuthority authority;
    private final Territories territories = Territories.defaults();

    InjectionService(
            TerritoryRepository territory,
            ConsolidationService consolidations,
            CampaignService campaigns,
            SystemAuthority authority) {
        this.territory = territory;
        this.consolidations = consolidations;
        this.campaigns = campaigns;
        this.authority = authority;
    }

    /**
     * What an injection leads to: its id, the consolidation after it, the campaign in charge of the territory
     * (null when it needs none) and whether this injection opened it.
     */
    public record Recorded(
            String injectionId, Consolidation consolidation, String campaignId, boolean campaignOpened) {}

    @Transactional
    public Recorded record(String departement, PassInjectionRequest request) {
        requireDepartement(departement);
        List<FieldError> errors = validate(request);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        TerritoryRepository.Injection injection = new TerritoryRepository.Injection(
                UUID.randomUUID().toString(),
                departement,
                request.funder().strip(),
                request.passes(),
                request.faceValueCents(),
                request.date(),
                Instant.now(),
                authority.currentUser().orElse(null));
        territory.insert(injection);
        Consolidation consolidation = consolidations.of(departement);
        Optional<String> open = campaigns.openCampaignOf(departement);
        if (open.isPresent() || !consolidation.underServed() || consolidation.placesToRecruit() <= 0) {
            return new Recorded(injection.id(), consolidation, open.orElse(null), false);
        }
        String campaignId = campaigns.open(departement, consolidation, injection.id());
        log.info(
                "Territory {} under-served after injection {}: campaign {} recruits {} place(s)",
                departement,
                injection.id(),
                campaignId,
                consolidation.placesToRecruit());
        return new Recorded(injection.id(), consolidation, campaignId, true);
    }

    /** Refuses with 400 a code that is not one of the 101 départements. */
    public void requireDepartement(String departement) {
        if (!territories.isDepartement(departement)) {
            throw ProblemException.invalid(
                    "departement",
                    "département inconnu : " + abbreviate(departement) + " (attendu : 01 à 95, 2A, 2B, 971 à 976)");
        }
    }

    static List<FieldError> validate(PassInjectionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(FieldError.of("", "corps de requête obligatoire"));
            return errors;
        }
        if (request.funder() == null || request.funder().isBlank()) {
            errors.add(FieldError.of("funder", "obligatoire"));
        } else if (request.funder().length() > MAX_FUNDER) {
            errors.add(FieldError.of("funder", "trop long (" + MAX_FUNDER + " caractères au plus)"));
        } else if (!PlainText.isSingleLine(request.funder())) {
            errors.add(FieldError.of("funder", "caractères de contrôle interdits"));
        }
        if (request.passes() == null) {
            errors.add(FieldError.of("passes", "obligatoire"));
        } else if (request.passes() <= 0 || request.passes() > MAX_PASSES) {
            errors.add(FieldError.of("passes", "un nombre de pass entre 1 et " + MAX_PASSES + " est attendu"));
        }
        if (request.faceValueCents() == null) {
            errors.add(FieldError.of("faceValueCents", "obligatoire"));
        } else if (request.faceValueCents() <= 0 || request.faceValueCents() > MAX_FACE_VALUE_CENTS) {
            errors.add(FieldError.of(
                    "faceValueCents",
                    "une valeur faciale en centimes entre 1 et " + MAX_FACE_VALUE_CENTS + " est attendue"));
        }
        if (request.date() == null) {
            errors.add(FieldError.of("date", "obligatoire (AAAA-MM-JJ)"));
        } else if (request.date().isAfter(ConsolidationService.today())) {
            errors.add(FieldError.of("date", "une injection ne peut pas être datée dans le futur"));
        } else if (request.date().isBefore(LocalDate.of(2000, 1, 1))) {
            errors.add(FieldError.of("date", "date trop ancienne"));
        }
        return errors;
    }

    private static String abbreviate(String value) {
        return value == null ? "" : value.length() > 10 ? value.substring(0, 10) + "…" : value;
    }
}
