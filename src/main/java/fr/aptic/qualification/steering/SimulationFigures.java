package fr.aptic.qualification.steering;

import fr.aptic.qualification.simulation.SimulationReport;
import fr.aptic.qualification.simulation.SimulationService;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulation's answer as the page shows it: the counts, the changes of outcome, of reasons and by
 * département, each a chart with its table, and where to download the changed applications.
 */
record SimulationFigures(
        SimulationReport report,
        List<Transition> transitions,
        List<Reason> reasons,
        List<Departement> departements,
        Chart transitionsChart,
        Chart reasonsChart,
        Chart departementsChart,
        String download,
        int listed,
        boolean truncated) {

    /** Départements named in the chart; the table lists them all. */
    static final int CHARTED = 15;

    record Transition(String from, String to, long count, List<String> examples) {}

    record Reason(String code, String reason, long before, long after, long added, long removed) {}

    record Departement(String departement, String name, long compared, long changed, String transitions) {}

    static SimulationFigures of(
            SimulationService.Listing listing,
            fr.aptic.qualification.reference.Territories territories,
            String download) {
        SimulationReport report = listing.report();
        List<Transition> transitions = report.transitions().stream()
                .map(t -> new Transition(
                        SteeringWords.assessment(t.from()), SteeringWords.assessment(t.to()), t.count(), t.examples()))
                .toList();
        List<Reason> reasons = report.reasons().stream()
                .filter(r -> r.added() + r.removed() > 0)
                .map(r -> new Reason(
                        r.reason(), SteeringWords.reason(r.reason()), r.before(), r.after(), r.added(), r.removed()))
                .toList();
        List<Departement> departements = report.departements().stream()
                .map(d -> new Departement(
                        d.departement() == null ? "—" : d.departement(),
                        d.departement() == null
                                ? "sans département"
                                : territories.nameOf(d.departement()).orElse(""),
                        d.compared(),
                        d.changed(),
                        String.join(
                                ", ",
                                d.transitions().stream()
                                        .map(t -> t.count() + " "
                                                + SteeringWords.assessment(t.from())
                                                        .toLowerCase() + " → "
                                                + SteeringWords.assessment(t.to())
                                                        .toLowerCase())
                                        .toList())))
                .toList();
        List<Departement> charted = departements.size() > CHARTED ? departements.subList(0, CHARTED) : departements;
        return new SimulationFigures(
                report,
                transitions,
                reasons,
                departements,
                Chart.bars(
                                "Changements d’issue",
                                transitions.stream()
                                        .map(t -> t.from() + " → " + t.to())
                                        .toList())
                        .bar(
                                "Demandes",
                                transitions.stream().map(Transition::count).toList()),
                Chart.bars(
                                "Motifs ajoutés et retirés",
                                reasons.stream().map(Reason::code).toList())
                        .asHorizontal()
                        .bar("Ajouté à", reasons.stream().map(Reason::added).toList())
                        .bar("Retiré de", reasons.stream().map(Reason::removed).toList()),
                Chart.bars(
                                "Demandes dont l’issue change, par département",
                                charted.stream()
                                        .map(d -> d.departement() + " " + d.name())
                                        .toList())
                        .bar(
                                "Demandes",
                                new ArrayList<Number>(charted.stream()
                                        .map(Departement::changed)
                                        .toList())),
                download,
                listing.changes().size(),
                listing.truncated());
    }
}
