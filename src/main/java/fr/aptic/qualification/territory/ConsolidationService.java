package fr.aptic.qualification.territory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a territory's consolidation ratio over the last 12 months (injected value ÷ active qualified places)
 * and what {@code territorial-need} concludes from it, and says it in one French sentence for reviewers.
 */
@Service
public class ConsolidationService {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final TerritoryRepository territory;
    private final TerritorialDecisions decisions;

    ConsolidationService(TerritoryRepository territory, TerritorialDecisions decisions) {
        this.territory = territory;
        this.decisions = decisions;
    }

    /**
     * The consolidation of a département (a valid code) today. Not a read-only transaction: evaluating the
     * decisions writes their history.
     */
    @Transactional
    public Consolidation of(String departement) {
        return of(departement, today());
    }

    /**
     * The consolidation on a given day: injections dated within the 12 months that end that day (the same day
     * a year earlier is out), the places qualified now, the hub valid that day.
     */
    @Transactional
    public Consolidation of(String departement, LocalDate day) {
        TerritoryRepository.Injected injected = territory.injected(departement, windowStart(day), day);
        int places = territory.qualifiedPlaces(departement);
        return consolidation(
                departement, decisions.hubOf(departement, day).orElse(null), injected, places, decisions::need);
    }

    /**
     * Every territory's consolidation today, for an overview (the steering page): each département that had passes
     * injected over the last 12 months or has active qualified places, in code order; the others have neither and
     * are balanced by definition. Two grouped queries, and {@code territorial-need} and {@code hub-routing}
     * evaluated once per distinct input without writing their history (see
     * {@link TerritorialDecisions#unrecorded()}): the same figures as {@link #of(String)}, département by
     * département.
     */
    @Transactional(readOnly = true)
    public List<Consolidation> overview() {
        LocalDate day = today();
        Map<String, TerritoryRepository.Injected> injected = territory.injectedByDepartement(windowStart(day), day);
        Map<String, Integer> places = territory.qualifiedPlacesByDepartement();
        Set<String> departements = new TreeSet<>(injected.keySet());
        departements.addAll(places.keySet());
        TerritorialDecisions.Unrecorded unrecorded = decisions.unrecorded();
        List<Consolidation> overview = new ArrayList<>();
        for (String departement : departements) {
            TerritoryRepository.Injected in =
                    injected.getOrDefault(departement, new TerritoryRepository.Injected(0, 0));
            overview.add(consolidation(
                    departement,
                    unrecorded.hubOf(departement, day).orElse(null),
                    in,
                    places.getOrDefault(departement, 0),
                    unrecorded::need));
        }
        return overview;
    }

    private static Consolidation consolidation(
            String departement,
            String hubId,
            TerritoryRepository.Injected injected,
            int places,
            java.util.function.BiFunction<Double, Integer, TerritorialDecisions.Need> needs) {
        BigDecimal value = BigDecimal.valueOf(injected.valueCents(), 2);
        TerritorialDecisions.Need need = needs.apply(value.doubleValue(), places);
        return new Consolidation(
                departement,
                hubId,
                injected.passes(),
                value,
                places,
                need.incomePerPlaceEuros() == null
                        ? null
                        : BigDecimal.valueOf(need.incomePerPlaceEuros()).setScale(2, RoundingMode.HALF_UP),
                need.targetMinEuros(),
                need.targetMaxEuros(),
                need.status(),
                need.placesToRecruit());
    }

    /** The first day of the 12-month window that ends on {@code day}. */
    static LocalDate windowStart(LocalDate day) {
        return day.minusMonths(12).plusDays(1);
    }

    static LocalDate today() {
        return LocalDate.now(PARIS);
    }

    /**
     * The consolidation in one sentence, as the reviewer's form shows it: "Sur-desservi : 9 000 €/lieu/an — un
     * nouvel entrant dilue les revenus".
     */
    public static String describe(Consolidation c) {
        String income = c.incomePerPlaceEuros() == null ? null : euros(c.incomePerPlaceEuros()) + " €/lieu/an";
        return switch (c.status()) {
            case Consolidation.OVER_SERVED -> "Sur-desservi : " + income + " — un nouvel entrant dilue les revenus";
            case Consolidation.UNDER_SERVED ->
                "Sous-desservi : "
                        + (income != null
                                ? income
                                : euros(c.injectedValueEuros()) + " € de pass sur 12 mois et aucun lieu qualifié")
                        + " — " + places(c.placesToRecruit()) + " à recruter";
            case Consolidation.BALANCED ->
                income == null
                        ? "Équilibré : ni pass injecté ni lieu qualifié sur 12 mois"
                        : "Équilibré : " + income + " (cible " + euros(BigDecimal.valueOf(c.targetMinEuros())) + " à "
                                + euros(BigDecimal.valueOf(c.targetMaxEuros())) + " €)";
            default -> c.status() + (income == null ? "" : " : " + income);
        };
    }

    private static String places(int count) {
        return count + (count > 1 ? " lieux" : " lieu");
    }

    /** Whole euros grouped by thousands with a space, as French readers write them. */
    private static String euros(BigDecimal amount) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.FRANCE);
        symbols.setGroupingSeparator(' ');
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }
}
