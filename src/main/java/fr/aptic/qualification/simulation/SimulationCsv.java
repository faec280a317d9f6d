package fr.aptic.qualification.simulation;

import fr.aptic.qualification.csv.CsvWriter;
import java.io.OutputStream;
import java.util.List;

/**
 * A simulation's answer as one CSV table for spreadsheets: {@code section,key,from,to,count,examples}, one
 * row per figure (summary, transition, reason added or removed, département and transition, failure);
 * examples are application ids joined with {@code |}.
 */
final class SimulationCsv {

    static final List<String> HEADER = List.of("section", "key", "from", "to", "count", "examples");

    private SimulationCsv() {}

    static void write(SimulationReport report, OutputStream out) {
        CsvWriter csv = CsvWriter.open(out);
        csv.row(HEADER);
        summary(csv, "decisionKey", report.decisionKey());
        summary(csv, "candidate", report.candidate());
        summary(csv, "baseline", report.baseline());
        count(csv, "applications", report.applications());
        count(csv, "compared", report.compared());
        count(csv, "notAssessed", report.notAssessed());
        count(csv, "unreadable", report.unreadable());
        count(csv, "failed", report.failed());
        count(csv, "changed", report.changed());
        count(csv, "unchanged", report.unchanged());
        count(csv, "scoreChanged", report.scoreChanged());
        for (SimulationReport.Transition t : report.transitions()) {
            row(csv, "transition", "", t.from(), t.to(), t.count(), t.examples());
        }
        for (SimulationReport.ReasonChange r : report.reasons()) {
            if (r.added() > 0) {
                row(csv, "reason", r.reason(), "absent", "present", r.added(), r.addedExamples());
            }
            if (r.removed() > 0) {
                row(csv, "reason", r.reason(), "present", "absent", r.removed(), r.removedExamples());
            }
        }
        for (SimulationReport.DepartementChange d : report.departements()) {
            for (SimulationReport.Transition t : d.transitions()) {
                row(csv, "departement", d.departement(), t.from(), t.to(), t.count(), t.examples());
            }
        }
        for (SimulationReport.Failure f : report.failures()) {
            row(csv, "failure", f.message(), "", "", f.count(), f.examples());
        }
        csv.flush();
    }

    private static void summary(CsvWriter csv, String key, String value) {
        csv.cell("summary").cell(key).cell(value).empty().empty().empty().endRow();
    }

    private static void count(CsvWriter csv, String key, long count) {
        csv.cell("summary").cell(key).empty().empty().number(count).empty().endRow();
    }

    private static void row(
            CsvWriter csv, String section, String key, String from, String to, long count, List<String> examples) {
        csv.cell(section)
                .cell(key)
                .cell(from)
                .cell(to)
                .number(count)
                .cell(String.join("|", examples))
                .endRow();
    }
}
