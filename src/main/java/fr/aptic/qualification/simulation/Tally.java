package fr.aptic.qualification.simulation;

import fr.aptic.qualification.eligibility.AssessmentService.Assessment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one simulation worker saw: counts by transition, by reason and by département, and failures. Each
 * worker keeps its own, merged at the end, so counting needs no locks.
 */
final class Tally {

    static final String ELIGIBLE = "ELIGIBLE";
    static final String INELIGIBLE = "INELIGIBLE";
    static final int DISTINCT_FAILURES = 20;
    static final String OTHER_FAILURES = "autres erreurs";

    long applications;
    long compared;
    long notAssessed;
    long unreadable;
    long failed;
    long changed;
    long scoreChanged;
    final Map<String, Examples> transitions = new HashMap<>();
    final Map<String, Reason> reasons = new HashMap<>();
    final Map<String, Departement> departements = new HashMap<>();
    final Map<String, Examples> failures = new HashMap<>();
    /** The changed applications listed one by one, by id: the {@code listLimit} smallest ids, whoever saw them. */
    final java.util.TreeMap<String, SimulationService.Change> changes = new java.util.TreeMap<>();

    private int listLimit;

    /** How often one reason code was given before and after, and to whom it was added or removed. */
    static final class Reason {
        long before;
        long after;
        final Examples added = new Examples();
        final Examples removed = new Examples();

        void merge(Reason other) {
            before += other.before;
            after += other.after;
            added.merge(other.added);
            removed.merge(other.removed);
        }
    }

    /** The applications of one département: how many were compared, and the changes by transition. */
    static final class Departement {
        long compared;
        final Map<String, Examples> transitions = new HashMap<>();

        void merge(Departement other) {
            compared += other.compared;
            mergeAll(transitions, other.transitions, key -> new Examples(), Examples::merge);
        }
    }

    /** Counts one compared application; answers whether its outcome or reasons change. */
    boolean record(String id, String departement, Assessment before, Assessment after) {
        compared++;
        Departement place =
                departements.computeIfAbsent(departement == null ? "" : departement, d -> new Departement());
        place.compared++;
        for (String reason : before.reasons()) {
            reason(reason).before++;
        }
        for (String reason : after.reasons()) {
            reason(reason).after++;
        }
        if (before.score() != after.score()) {
            scoreChanged++;
        }
        boolean sameReasons = sameElements(before.reasons(), after.reasons());
        if (before.eligible() == after.eligible() && sameReasons) {
            return false;
        }
        changed++;
        String transition = label(before) + ">" + label(after);
        transitions.computeIfAbsent(transition, t -> new Examples()).add(id);
        place.transitions.computeIfAbsent(transition, t -> new Examples()).add(id);
        if (!sameReasons) {
            for (String reason : after.reasons()) {
                if (!before.reasons().contains(reason)) {
                    reason(reason).added.add(id);
                }
            }
            for (String reason : before.reasons()) {
                if (!after.reasons().contains(reason)) {
                    reason(reason).removed.add(id);
                }
            }
        }
        return true;
    }

    /** Lists one changed application, keeping the {@code limit} smallest ids. */
    void list(SimulationService.Change change, int limit) {
        listLimit = Math.max(listLimit, limit);
        changes.put(change.applicationId(), change);
        while (changes.size() > listLimit) {
            changes.pollLastEntry();
        }
    }

    void unreadable(String id, String message) {
        unreadable++;
        failure(id, message);
    }

    void failed(String id, String message) {
        failed++;
        failure(id, message);
    }

    private void failure(String id, String message) {
        // Messages may quote values of each application: past a few distinct ones, stop telling them apart.
        String key = failures.size() < DISTINCT_FAILURES || failures.containsKey(message) ? message : OTHER_FAILURES;
        failures.computeIfAbsent(key, m -> new Examples()).add(id);
    }

    void merge(Tally other) {
        applications += other.applications;
        compared += other.compared;
        notAssessed += other.notAssessed;
        unreadable += other.unreadable;
        failed += other.failed;
        changed += other.changed;
        scoreChanged += other.scoreChanged;
        mergeAll(transitions, other.transitions, key -> new Examples(), Examples::merge);
        mergeAll(reasons, other.reasons, key -> new Reason(), Reason::merge);
        mergeAll(departements, other.departements, key -> new Departement(), Departement::merge);
        mergeAll(failures, other.failures, key -> new Examples(), Examples::merge);
        other.changes.values().forEach(change -> list(change, other.listLimit));
    }

    static String label(Assessment assessment) {
        return assessment.eligible() ? ELIGIBLE : INELIGIBLE;
    }

    private Reason reason(String code) {
        return reasons.computeIfAbsent(code, c -> new Reason());
    }

    /** Same codes regardless of order; lists of a handful of codes, so no sets are built per row. */
    static boolean sameElements(List<String> a, List<String> b) {
        if (a.equals(b)) {
            return true;
        }
        return a.containsAll(b) && b.containsAll(a);
    }

    private static <T> void mergeAll(
            Map<String, T> into,
            Map<String, T> from,
            Function<String, T> create,
            java.util.function.BiConsumer<T, T> merge) {
        from.forEach((key, value) -> merge.accept(into.computeIfAbsent(key, create), value));
    }
}
