package fr.aptic.qualification.deadlines;

import java.util.List;
import java.util.Map;

/**
 * The public holidays a territory keeps off, as jollyday names them: metropolitan France, Alsace-Moselle (a
 * subdivision of France's calendar: Good Friday and 26 December), and the overseas departements, each a calendar
 * of its own (abolition of slavery day).
 *
 * @param country jollyday's calendar code ({@code fr}, {@code gp}…)
 * @param subdivisions the subdivision within it ({@code 57}), or none
 */
record WorkingCalendar(String country, List<String> subdivisions) {

    static final WorkingCalendar METROPOLITAN = new WorkingCalendar("fr", List.of());

    private static final Map<String, WorkingCalendar> BY_DEPARTEMENT = Map.of(
            "57", new WorkingCalendar("fr", List.of("57")),
            "67", new WorkingCalendar("fr", List.of("67")),
            "68", new WorkingCalendar("fr", List.of("68")),
            "971", new WorkingCalendar("gp", List.of()),
            "972", new WorkingCalendar("mq", List.of()),
            "973", new WorkingCalendar("gf", List.of()),
            "974", new WorkingCalendar("re", List.of()),
            "976", new WorkingCalendar("yt", List.of()));

    /** The calendar of a departement ({@code 57}, {@code 971}); metropolitan France for any other. */
    static WorkingCalendar of(String departement) {
        return BY_DEPARTEMENT.getOrDefault(departement.trim(), METROPOLITAN);
    }

    @Override
    public String toString() {
        return subdivisions.isEmpty() ? country : country + "-" + String.join("-", subdivisions);
    }
}
