package fr.aptic.qualification.deadlines;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts working days: Monday to Friday, less the public holidays of the territory's calendar, read from
 * jollyday's maintained holiday files (no list of ours to keep up to date).
 */
final class WorkingDays {

    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();

    /** Whether the day is worked in the calendar's territory. */
    boolean isWorkingDay(LocalDate day, WorkingCalendar calendar) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY
                && weekday != DayOfWeek.SUNDAY
                && !manager(calendar.country())
                        .isHoliday(
                                day,
                                HolidayType.PUBLIC_HOLIDAY,
                                calendar.subdivisions().toArray(String[]::new));
    }

    /**
     * The {@code days}-th working day after {@code from} ({@code from} itself never counts, worked or not);
     * {@code from} for zero days.
     */
    LocalDate plus(LocalDate from, int days, WorkingCalendar calendar) {
        if (days < 0) {
            throw new IllegalArgumentException("a number of working days is never negative: " + days);
        }
        LocalDate day = from;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day, calendar)) {
                counted++;
            }
        }
        return day;
    }

    private HolidayManager manager(String country) {
        return managers.computeIfAbsent(country, code -> HolidayManager.getInstance(ManagerParameters.create(code)));
    }
}
