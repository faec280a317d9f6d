package fr.aptic.qualification.steering;

import fr.aptic.qualification.reference.Territories;
import fr.aptic.qualification.territory.CampaignProgress;
import fr.aptic.qualification.territory.Consolidation;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The territories as the page shows them: each one's consolidation in a table and, for those that received
 * passes, its income per place against the target band as a chart; every département on the map, coloured by
 * its status; the open campaigns and how far each got.
 */
record TerritoryFigures(
        List<Row> rows,
        Map<String, Long> byStatus,
        List<Shape> shapes,
        List<Square> overseas,
        Chart income,
        List<CampaignRow> campaigns,
        Chart progress) {

    static final List<String> OVERSEAS = List.of("971", "972", "973", "974", "976");
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));

    /** A territory's consolidation, with its name and status in words. */
    record Row(Consolidation c, String name, String status, String statusClass) {}

    /** A département on the map: its outline, the class of its status and what a pointer over it says. */
    record Shape(String code, String path, String statusClass, String title) {}

    /** An overseas département: a labelled square where the outlines have none. */
    record Square(String code, int x, String statusClass, String title) {}

    /** An open campaign, in words. */
    record CampaignRow(CampaignProgress p, String name, String openedOn, String candidates, int percent) {}

    static TerritoryFigures of(
            List<Consolidation> consolidations,
            List<CampaignProgress> open,
            List<DepartementOutlines.Outline> outlines,
            Territories territories) {
        Map<String, Consolidation> byCode =
                consolidations.stream().collect(Collectors.toMap(Consolidation::departement, Function.identity()));
        List<Row> rows = consolidations.stream()
                .map(c -> new Row(
                        c,
                        territories.nameOf(c.departement()).orElse(""),
                        SteeringWords.status(c.status()),
                        SteeringWords.statusClass(c.status())))
                .toList();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        SteeringWords.STATUSES.keySet().forEach(status -> byStatus.put(SteeringWords.status(status), 0L));
        rows.forEach(row -> byStatus.merge(row.status(), 1L, Long::sum));
        List<Shape> shapes = outlines.stream()
                .map(o -> new Shape(
                        o.code(), o.path(), classOf(byCode.get(o.code())), title(o.code(), territories, byCode)))
                .toList();
        List<Square> overseas = new ArrayList<>();
        for (int i = 0; i < OVERSEAS.size(); i++) {
            String code = OVERSEAS.get(i);
            overseas.add(new Square(code, 4 + 26 * i, classOf(byCode.get(code)), title(code, territories, byCode)));
        }
        List<CampaignRow> campaigns = open.stream()
                .map(p -> new CampaignRow(
                        p,
                        territories.nameOf(p.departement()).orElse(""),
                        DAY.format(p.openedAt()),
                        SteeringWords.candidates(p.candidatesByState()),
                        p.placesToRecruit() == 0 ? 100 : Math.min(100, 100 * p.recruited() / p.placesToRecruit())))
                .toList();
        return new TerritoryFigures(
                rows, byStatus, shapes, overseas, incomeChart(rows), campaigns, progressChart(campaigns));
    }

    private static String classOf(Consolidation c) {
        return c == null ? SteeringWords.statusClass(null) : SteeringWords.statusClass(c.status());
    }

    private static String title(String code, Territories territories, Map<String, Consolidation> byCode) {
        String name = territories.nameOf(code).orElse(code) + " (" + code + ")";
        Consolidation c = byCode.get(code);
        if (c == null) {
            return name + " : ni pass injecté sur 12 mois ni lieu qualifié";
        }
        return name + " : " + SteeringWords.status(c.status())
                + (c.incomePerPlaceEuros() == null ? "" : ", " + euros(c.incomePerPlaceEuros()) + " par lieu")
                + (c.placesToRecruit() > 0 ? ", " + c.placesToRecruit() + " lieu(x) à recruter" : "");
    }

    /** Income per place of the territories that received passes, against the band's two bounds. */
    private static Chart incomeChart(List<Row> rows) {
        List<Row> funded = rows.stream()
                .filter(r -> r.c().injectedValueEuros().signum() > 0)
                .toList();
        List<String> labels =
                funded.stream().map(r -> r.c().departement() + " " + r.name()).toList();
        return Chart.bars("Revenu par lieu et par an", labels)
                .withUnit("€")
                .bar(
                        "Revenu par lieu (€/an)",
                        funded.stream()
                                .map(r -> (Number)
                                        (r.c().incomePerPlaceEuros() == null ? null : r.c().incomePerPlaceEuros()))
                                .toList())
                .line(
                        "Cible minimum",
                        funded.stream()
                                .map(r -> (Number) r.c().targetMinEuros())
                                .toList())
                .line(
                        "Cible maximum",
                        funded.stream()
                                .map(r -> (Number) r.c().targetMaxEuros())
                                .toList());
    }

    private static Chart progressChart(List<CampaignRow> campaigns) {
        return Chart.bars(
                        "Lieux recrutés par campagne",
                        campaigns.stream()
                                .map(c -> c.p().departement() + " " + c.name())
                                .toList())
                .asHorizontal()
                .asStacked()
                .bar("Recrutés", campaigns.stream().map(c -> c.p().recruited()).toList())
                .bar(
                        "Restant à recruter",
                        campaigns.stream()
                                .map(c -> Math.max(0, c.p().placesToRecruit() - c.p().recruited()))
                                .toList());
    }

    /** Whole euros grouped by thousands with a narrow space, as French readers write them. */
    static String euros(BigDecimal amount) {
        java.text.DecimalFormatSymbols symbols = new java.text.DecimalFormatSymbols(Locale.FRANCE);
        symbols.setGroupingSeparator(' ');
        java.text.DecimalFormat format = new java.text.DecimalFormat("#,##0", symbols);
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(amount) + " €";
    }
}
