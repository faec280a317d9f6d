package fr.aptic.qualification.territory;

import fr.aptic.qualification.application.ApplicationAccess;
import fr.aptic.qualification.application.QualificationPath;
import fr.aptic.qualification.web.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the funnel report from applications and campaign candidates, and sets le tri beside #APTIC's reading
 * of it: about 60 % directory correction (CLOSED), 20 % model choice (DECLINED), 20 % eligibility (INELIGIBLE).
 */
@Service
public class FunnelService {

    /** The outcomes the funnel counts, in the order reports show them. */
    static final List<String> OUTCOMES =
            List.of("QUALIFIED", "CLOSED", "DECLINED", "INELIGIBLE", "UNREACHABLE", "WITHDRAWN", "EXPIRED", "REJECTED");

    /** What the funnel counts after qualification, by the timeline event that records it. */
    static final Map<String, String> LIFE_EVENTS =
            Map.of("RENEWED", "renewals", "LAPSED", "lapses", "REVOKED", "revocations", "REINSTATED", "reinstatements");

    /** #APTIC's expectation of the fall (DOMAIN: "le tri"). */
    static final Map<String, Double> EXPECTED_SORTING = expected();

    private final FunnelRepository funnel;
    private final CampaignRepository campaigns;
    private final InjectionService injections;
    private final TerritorialDecisions decisions;

    FunnelService(
            FunnelRepository funnel,
            CampaignRepository campaigns,
            InjectionService injections,
            TerritorialDecisions decisions) {
        this.funnel = funnel;
        this.campaigns = campaigns;
        this.injections = injections;
        this.decisions = decisions;
    }

    @Transactional
    public FunnelReport report(String departement, String path, String campaignId, ApplicationAccess access) {
        Optional<CampaignRepository.Campaign> campaign = checked(departement, path, campaignId);
        if (!mayRead(access, departement, campaign)) {
            throw ProblemException.forbidden(
                    "Réservé à l'équipe nationale ; un hub lit l'entonnoir de ses territoires (paramètre departement)");
        }
        return build(departement, path, campaignId);
    }

    /**
     * The same report for a caller that admitted its reader as national steering staff itself (the steering page,
     * whose security chain lets in only the national team, process owners and administrators): no hub scope.
     */
    @Transactional(readOnly = true)
    public FunnelReport nationalReport(String departement, String path, String campaignId) {
        checked(departement, path, campaignId);
        return build(departement, path, campaignId);
    }

    /** The filters checked (400 naming the field, 404 an unknown campaign), and the campaign when one is named. */
    private Optional<CampaignRepository.Campaign> checked(String departement, String path, String campaignId) {
        if (departement != null) {
            injections.requireDepartement(departement);
        }
        if (path != null
                && Arrays.stream(QualificationPath.values())
                        .noneMatch(p -> p.name().equals(path))) {
            throw ProblemException.invalid("path", "parcours inconnu : FREE, TERRITORIAL ou NETWORK attendu");
        }
        return campaignId == null
                ? Optional.empty()
                : Optional.of(campaigns
                        .find(campaignId)
                        .orElseThrow(() -> ProblemException.notFound("Campagne introuvable")));
    }

    private FunnelReport build(String departement, String path, String campaignId) {
        List<FunnelRepository.Count> counts = new ArrayList<>(funnel.applications(departement, path, campaignId));
        counts.addAll(funnel.lifeEvents(departement, path, campaignId));
        if (path == null || QualificationPath.TERRITORIAL.name().equals(path)) {
            counts.addAll(funnel.candidatesWithoutApplication(departement, campaignId));
        }
        Map<List<String>, List<FunnelRepository.Count>> byGroup = new TreeMap<>(FunnelService::compareKeys);
        for (FunnelRepository.Count count : counts) {
            byGroup.computeIfAbsent(
                            Arrays.asList(count.departement(), count.path(), count.campaignId()),
                            key -> new ArrayList<>())
                    .add(count);
        }
        List<FunnelReport.Group> groups = byGroup.entrySet().stream()
                .map(e -> new FunnelReport.Group(
                        e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), counts(e.getValue())))
                .toList();
        return new FunnelReport(departement, path, campaignId, counts(counts), groups);
    }

    private boolean mayRead(
            ApplicationAccess access, String departement, Optional<CampaignRepository.Campaign> campaign) {
        if (access.isNational()) {
            return true;
        }
        if (campaign.isPresent()) {
            return access.groups().contains(campaign.get().contactGroup());
        }
        return departement != null
                && TerritoryAccess.mayRead(
                        access,
                        decisions
                                .hubOf(departement, ConsolidationService.today())
                                .orElse(null));
    }

    static FunnelReport.Counts counts(List<FunnelRepository.Count> rows) {
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        OUTCOMES.forEach(outcome -> byOutcome.put(outcome, 0L));
        long inProgress = 0;
        Map<String, Long> afterQualification = new LinkedHashMap<>();
        List.of("renewals", "lapses", "revocations", "reinstatements")
                .forEach(name -> afterQualification.put(name, 0L));
        for (FunnelRepository.Count row : rows) {
            if (row.state().startsWith(FunnelRepository.LIFE_EVENT)) {
                afterQualification.merge(
                        LIFE_EVENTS.get(row.state().substring(FunnelRepository.LIFE_EVENT.length())),
                        row.count(),
                        Long::sum);
                continue;
            }
            String outcome = outcomeOf(row.state());
            if (outcome == null) {
                inProgress += row.count();
            } else {
                byOutcome.merge(outcome, row.count(), Long::sum);
            }
        }
        long ended = byOutcome.values().stream().mapToLong(Long::longValue).sum();
        long fallen =
                EXPECTED_SORTING.keySet().stream().mapToLong(byOutcome::get).sum();
        List<FunnelReport.Share> sorting = EXPECTED_SORTING.entrySet().stream()
                .map(e -> new FunnelReport.Share(
                        e.getKey(), byOutcome.get(e.getKey()), share(byOutcome.get(e.getKey()), fallen), e.getValue()))
                .toList();
        return new FunnelReport.Counts(ended, inProgress, byOutcome, sorting, afterQualification);
    }

    /**
     * The funnel outcome of an application status or a candidate outcome; null while in progress. A lapse or
     * revocation comes after qualification: the producer was recruited, so it counts as QUALIFIED.
     */
    static String outcomeOf(String state) {
        if ("LAPSED".equals(state) || "REVOKED".equals(state)) {
            return "QUALIFIED";
        }
        return OUTCOMES.contains(state) ? state : null;
    }

    private static Double share(long count, long total) {
        return total == 0
                ? null
                : BigDecimal.valueOf(count)
                        .divide(BigDecimal.valueOf(total), 3, RoundingMode.HALF_UP)
                        .doubleValue();
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Objects.compare(a.get(i), b.get(i), Comparator.nullsFirst(Comparator.naturalOrder()));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static Map<String, Double> expected() {
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("CLOSED", 0.6);
        expected.put("DECLINED", 0.2);
        expected.put("INELIGIBLE", 0.2);
        return Collections.unmodifiableMap(expected);
    }
}
