package fr.aptic.qualification.steering;

import fr.aptic.qualification.reference.Territories;
import fr.aptic.qualification.territory.FunnelReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The funnel report as the page shows it: outcomes by path (a stacked chart and its table), le tri beside the
 * 60/20/20 expectation (a chart and its table), and the report's groups (département, path, campaign) as a table.
 */
record FunnelFigures(
        long ended,
        long inProgress,
        List<PathRow> byPath,
        List<SortingRow> sorting,
        List<GroupRow> groups,
        Chart outcomes,
        Chart tri) {

    /** The outcomes' labels, in the order of every row's {@code counts}. */
    static final List<String> OUTCOME_LABELS = List.copyOf(SteeringWords.OUTCOMES.values());

    /** One path: its counts per outcome (in {@link #OUTCOME_LABELS}' order), those in progress, those ended. */
    record PathRow(String path, List<Long> counts, long inProgress, long ended) {}

    /** One cause of the fall: its count, its share of the three in % (null when none fell) and the expected %. */
    record SortingRow(String cause, long count, Double share, double expected) {}

    /** One group of the report. */
    record GroupRow(
            String departement,
            String departementName,
            String path,
            String campaignId,
            List<Long> counts,
            long inProgress,
            long ended,
            List<Double> shares) {}

    static FunnelFigures of(FunnelReport report, Territories territories) {
        Map<String, long[]> byPath = new LinkedHashMap<>();
        SteeringWords.PATHS.keySet().forEach(path -> byPath.put(path, new long[SteeringWords.OUTCOMES.size() + 1]));
        List<GroupRow> groups = new ArrayList<>();
        for (FunnelReport.Group group : report.groups()) {
            long[] sums = byPath.computeIfAbsent(group.path(), p -> new long[SteeringWords.OUTCOMES.size() + 1]);
            List<Long> counts = counts(group.funnel());
            for (int i = 0; i < counts.size(); i++) {
                sums[i] += counts.get(i);
            }
            sums[counts.size()] += group.funnel().inProgress();
            groups.add(new GroupRow(
                    group.departement(),
                    group.departement() == null
                            ? "sans département"
                            : territories.nameOf(group.departement()).orElse(""),
                    SteeringWords.path(group.path()),
                    group.campaignId(),
                    counts,
                    group.funnel().inProgress(),
                    group.funnel().ended(),
                    group.funnel().sorting().stream()
                            .map(s -> percent(s.share()))
                            .toList()));
        }
        List<PathRow> paths = new ArrayList<>();
        byPath.forEach((path, sums) -> {
            List<Long> counts = new ArrayList<>();
            long ended = 0;
            for (int i = 0; i < SteeringWords.OUTCOMES.size(); i++) {
                counts.add(sums[i]);
                ended += sums[i];
            }
            paths.add(new PathRow(SteeringWords.path(path), counts, sums[SteeringWords.OUTCOMES.size()], ended));
        });
        if (report.path() != null) {
            paths.removeIf(row -> !row.path().equals(SteeringWords.path(report.path())));
        }
        List<SortingRow> sorting = report.total().sorting().stream()
                .map(s -> new SortingRow(
                        SteeringWords.SORTING.getOrDefault(s.outcome(), s.outcome()),
                        s.count(),
                        percent(s.share()),
                        percent(s.expectedShare())))
                .toList();
        return new FunnelFigures(
                report.total().ended(),
                report.total().inProgress(),
                paths,
                sorting,
                groups,
                outcomesChart(paths),
                triChart(sorting));
    }

    private static Chart outcomesChart(List<PathRow> paths) {
        Chart chart = Chart.bars(
                        "Issues par parcours", paths.stream().map(PathRow::path).toList())
                .asHorizontal()
                .asStacked();
        for (int i = 0; i < OUTCOME_LABELS.size(); i++) {
            int outcome = i;
            chart.bar(
                    OUTCOME_LABELS.get(i),
                    paths.stream().map(p -> p.counts().get(outcome)).toList());
        }
        chart.bar("En cours", paths.stream().map(PathRow::inProgress).toList());
        return chart;
    }

    private static Chart triChart(List<SortingRow> sorting) {
        return Chart.bars(
                        "Le tri observé et attendu",
                        sorting.stream().map(SortingRow::cause).toList())
                .withUnit("%")
                .bar("Observé", sorting.stream().map(SortingRow::share).toList())
                .bar("Attendu", sorting.stream().map(SortingRow::expected).toList());
    }

    private static List<Long> counts(FunnelReport.Counts counts) {
        return SteeringWords.OUTCOMES.keySet().stream()
                .map(outcome -> counts.counts().getOrDefault(outcome, 0L))
                .toList();
    }

    private static Double percent(Double share) {
        return share == null ? null : Math.round(share * 1000) / 10.0;
    }
}
