package fr.aptic.qualification.simulation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The answer of a simulation: how many applications were judged, how many outcomes would change, from what
 * to what, by reason and by département, with a few example application ids each.
 *
 * @param candidate what was simulated: {@code "fichier eligibility.dmn"} or {@code "version 3"}
 * @param baseline {@code stored} (the outcome recorded when each application was assessed) or
 *     {@code deployed} (what the latest deployed decisions say now)
 * @param applications stored applications read
 * @param compared applications judged both ways
 * @param notAssessed applications never assessed (no stored outcome to compare with)
 * @param unreadable stored bodies that could not be read
 * @param failed applications on which a decision failed (see {@code failures})
 * @param changed compared applications whose eligibility or reasons would change
 * @param scoreChanged compared applications whose score would change (whether or not the outcome does)
 */
public record SimulationReport(
        String decisionKey,
        String candidate,
        String baseline,
        long applications,
        long compared,
        long notAssessed,
        long unreadable,
        long failed,
        long changed,
        long unchanged,
        long scoreChanged,
        List<Transition> transitions,
        List<ReasonChange> reasons,
        List<DepartementChange> departements,
        List<Failure> failures,
        long elapsedMillis) {

    /** Applications moving from one outcome to another ({@code ELIGIBLE}, {@code INELIGIBLE}). */
    public record Transition(String from, String to, long count, List<String> examples) {}

    /** One reason code: how many applications had it before and after, and to how many it was added or removed. */
    public record ReasonChange(
            String reason,
            long before,
            long after,
            long added,
            long removed,
            List<String> addedExamples,
            List<String> removedExamples) {}

    /** The changes in one département (null: applications without one). */
    public record DepartementChange(String departement, long compared, long changed, List<Transition> transitions) {}

    /** Applications a decision could not judge, by message. */
    public record Failure(String message, long count, List<String> examples) {}

    static SimulationReport of(String decisionKey, String candidate, String baseline, Tally tally, long elapsedMillis) {
        List<ReasonChange> reasons = tally.reasons.entrySet().stream()
                .map(e -> new ReasonChange(
                        e.getKey(),
                        e.getValue().before,
                        e.getValue().after,
                        e.getValue().added.count(),
                        e.getValue().removed.count(),
                        e.getValue().added.ids(),
                        e.getValue().removed.ids()))
                .sorted(Comparator.comparingLong((ReasonChange r) -> -(r.added() + r.removed()))
                        .thenComparing(ReasonChange::reason))
                .toList();
        List<DepartementChange> departements = tally.departements.entrySet().stream()
                .map(e -> {
                    List<Transition> transitions = transitions(e.getValue().transitions);
                    long changed =
                            transitions.stream().mapToLong(Transition::count).sum();
                    return new DepartementChange(
                            e.getKey().isEmpty() ? null : e.getKey(), e.getValue().compared, changed, transitions);
                })
                .filter(d -> d.changed() > 0)
                .sorted(Comparator.comparingLong((DepartementChange d) -> -d.changed())
                        .thenComparing(d -> d.departement() == null ? "~" : d.departement()))
                .toList();
        List<Failure> failures = tally.failures.entrySet().stream()
                .map(e -> new Failure(
                        e.getKey(), e.getValue().count(), e.getValue().ids()))
                .sorted(Comparator.comparingLong((Failure f) -> -f.count()).thenComparing(Failure::message))
                .toList();
        return new SimulationReport(
                decisionKey,
                candidate,
                baseline,
                tally.applications,
                tally.compared,
                tally.notAssessed,
                tally.unreadable,
                tally.failed,
                tally.changed,
                tally.compared - tally.changed,
                tally.scoreChanged,
                transitions(tally.transitions),
                reasons,
                departements,
                failures,
                elapsedMillis);
    }

    private static List<Transition> transitions(Map<String, Examples> byKey) {
        return byKey.entrySet().stream()
                .map(e -> {
                    String[] fromTo = e.getKey().split(">", 2);
                    return new Transition(
                            fromTo[0],
                            fromTo[1],
                            e.getValue().count(),
                            e.getValue().ids());
                })
                .sorted(Comparator.comparingLong((Transition t) -> -t.count())
                        .thenComparing(Transition::from)
                        .thenComparing(Transition::to))
                .toList();
    }
}
