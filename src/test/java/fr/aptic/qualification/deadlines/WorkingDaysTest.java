package fr.aptic.qualification.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working days as a process owner counts them on a French calendar, territory by territory. */
class WorkingDaysTest {

    private final WorkingDays workingDays = new WorkingDays();

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', textBlock = """
            # from     | working days | departement | expected   | case
            2027-03-25 | 1  | 75  | 2027-03-26 | Good Friday is worked in Paris
            2027-03-25 | 1  | 57  | 2027-03-30 | Good Friday and Easter Monday are off in Moselle
            2027-03-25 | 1  | 67  | 2027-03-30 | and in Bas-Rhin
            2027-03-25 | 1  | 68  | 2027-03-30 | and in Haut-Rhin
            2027-03-26 | 1  | 75  | 2027-03-30 | Easter Monday is off everywhere
            2027-03-27 | 1  | 75  | 2027-03-30 | from a Saturday, the weekend and Easter Monday do not count
            2027-03-25 | 15 | 75  | 2027-04-16 | fifteen working days over Easter in Paris
            2027-03-25 | 15 | 57  | 2027-04-19 | one more in Moselle
            2028-12-22 | 1  | 75  | 2028-12-26 | 26 December is worked in Paris
            2028-12-22 | 1  | 67  | 2028-12-27 | but not in Bas-Rhin
            2027-05-26 | 1  | 75  | 2027-05-27 | 27 May is worked in metropolitan France
            2027-05-26 | 1  | 971 | 2027-05-28 | but not in Guadeloupe (abolition of slavery)
            2028-05-19 | 1  | 972 | 2028-05-23 | nor 22 May in Martinique
            2027-06-09 | 1  | 973 | 2027-06-11 | nor 10 June in Guyane
            2027-12-17 | 1  | 974 | 2027-12-21 | nor 20 December in La Réunion
            2027-04-26 | 1  | 976 | 2027-04-28 | nor 27 April in Mayotte
            2027-05-26 | 1  | 974 | 2027-05-27 | each overseas departement keeps its own day only
            2027-07-13 | 1  | 75  | 2027-07-15 | 14 July
            2027-10-29 | 5  | 75  | 2027-11-08 | 1 November and the weekend
            2027-10-29 | 8  | 75  | 2027-11-12 | 11 November; the Friday after is worked (no bridge by law)
            2027-05-05 | 1  | 75  | 2027-05-07 | Ascension Thursday
            2027-05-14 | 1  | 75  | 2027-05-18 | Whit Monday
            2027-03-25 | 0  | 57  | 2027-03-25 | no working day: the same day
            """)
    void countsWorkingDays(LocalDate from, int days, String departement, LocalDate expected, String why) {
        assertThat(workingDays.plus(from, days, WorkingCalendar.of(departement)))
                .as(why)
                .isEqualTo(expected);
    }

    @Test
    void eachTerritoryHasItsCalendar() {
        assertThat(WorkingCalendar.of("57")).hasToString("fr-57");
        assertThat(WorkingCalendar.of("971")).hasToString("gp");
        assertThat(WorkingCalendar.of("972")).hasToString("mq");
        assertThat(WorkingCalendar.of("973")).hasToString("gf");
        assertThat(WorkingCalendar.of("974")).hasToString("re");
        assertThat(WorkingCalendar.of("976")).hasToString("yt");
        assertThat(WorkingCalendar.of("2A")).isEqualTo(WorkingCalendar.METROPOLITAN);
        assertThat(WorkingCalendar.of("75")).isEqualTo(WorkingCalendar.METROPOLITAN);
    }

    @Test
    void aDeadlineKeepsTheTimeOfDayAcrossTheChangeToSummerTime() {
        Deadlines deadlines = new Deadlines(Map.of());
        ZonedDateTime thursdayBeforeEaster = ZonedDateTime.of(2027, 3, 25, 10, 30, 0, 0, Deadlines.PARIS);

        ZonedDateTime due = deadlines.after(thursdayBeforeEaster, 15, WorkingCalendar.of("75"));

        assertThat(due).isEqualTo(ZonedDateTime.of(2027, 4, 16, 10, 30, 0, 0, Deadlines.PARIS));
        assertThat(due.toInstant()).hasToString("2027-04-16T08:30:00Z");
    }

    @Test
    void aNationalTaskFollowsMetropolitanFranceWhateverThePlace() {
        Deadlines deadlines = new Deadlines(Map.of(
                "review-application", new TaskDeadline(15, 10, false),
                "audit-member", new TaskDeadline(10, 7, true)));

        assertThat(deadlines.calendar("review-application", Optional.of("57"))).hasToString("fr-57");
        assertThat(deadlines.calendar("review-application", Optional.empty())).isEqualTo(WorkingCalendar.METROPOLITAN);
        assertThat(deadlines.calendar("audit-member", Optional.of("57"))).isEqualTo(WorkingCalendar.METROPOLITAN);
        assertThat(deadlines.calendar("audit-member", Optional.of("971"))).isEqualTo(WorkingCalendar.METROPOLITAN);
    }

    @Test
    void refusesSettingsItCannotUse() {
        assertThatThrownBy(() -> new Deadlines(Map.of("review-application", new TaskDeadline(15, 20, false))))
                .hasMessageContaining("aptic.deadlines.review-application")
                .hasMessageContaining("follow-up");
        assertThatThrownBy(() -> new Deadlines(Map.of("review-application", new TaskDeadline(null, 10, false))))
                .hasMessageContaining("must be set");
        assertThatThrownBy(() -> new Deadlines(Map.of()).due(null, "review-application"))
                .hasMessageContaining("aptic.deadlines.review-application.due");
    }
}
