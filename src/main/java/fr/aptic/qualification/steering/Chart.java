package fr.aptic.qualification.steering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart as the page hands it to {@code static/js/pilotage.js} in a {@code data-chart} attribute (JSON, escaped
 * by the template): what to draw, never code. The same figures are in the table beside it.
 *
 * @param type {@code bar} (Chart.js), datasets of kind {@code line} drawn over the bars
 * @param horizontal bars along the x axis
 * @param stacked datasets stacked
 * @param unit what the values count: {@code "%"} (values 0–100), {@code "€"} or empty
 */
record Chart(
        String type,
        String title,
        boolean horizontal,
        boolean stacked,
        String unit,
        List<String> labels,
        List<Dataset> datasets) {

    /** One series: its legend, values (null for none) and how it is drawn ({@code bar} or {@code line}). */
    record Dataset(String label, List<Number> data, String kind) {}

    static Chart bars(String title, List<String> labels) {
        return new Chart("bar", title, false, false, "", labels, new ArrayList<>());
    }

    Chart asHorizontal() {
        return new Chart(type, title, true, stacked, unit, labels, datasets);
    }

    Chart asStacked() {
        return new Chart(type, title, horizontal, true, unit, labels, datasets);
    }

    Chart withUnit(String unit) {
        return new Chart(type, title, horizontal, stacked, unit, labels, datasets);
    }

    Chart bar(String label, List<? extends Number> data) {
        datasets.add(new Dataset(label, nullable(data), "bar"));
        return this;
    }

    Chart line(String label, List<? extends Number> data) {
        datasets.add(new Dataset(label, nullable(data), "line"));
        return this;
    }

    public boolean isEmpty() {
        return labels.isEmpty();
    }

    String json(ObjectMapper json) {
        try {
            return json.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Chart " + title + " not written", e);
        }
    }

    // a copy that keeps nulls (a value the chart leaves out), which List.copyOf refuses
    private static List<Number> nullable(List<? extends Number> data) {
        return java.util.Collections.unmodifiableList(new ArrayList<Number>(data));
    }
}
