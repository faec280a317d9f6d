package fr.aptic.qualification.lifecycle;

import fr.aptic.qualification.engine.SystemDecisions;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The durations of a qualification, from the decision table {@code qualification-terms} (process owners change
 * them there), and the dates of one term computed from them. Days are Paris days; a term ends at the first
 * midnight after its last valid day, when the places leave the map.
 */
@Component
class QualificationTerms {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String DECISION = "qualification-terms";

    private final SystemDecisions decisions;

    QualificationTerms(SystemDecisions decisions) {
        this.decisions = decisions;
    }

    /** The durations the table gives for a path. */
    record Durations(Period validity, Period firstNotice, Period secondNotice, Period gracePeriod) {}

    /** One term: its last valid day, and when the notices go, the term ends and the delay to take it up ends. */
    record Term(LocalDate validUntil, Date firstNoticeAt, Date secondNoticeAt, Date termEndsAt, Date graceEndsAt) {}

    Durations durations(String path) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("path", path);
        DmnDecisionResultEntries row = decisions.evaluate(DECISION, inputs).getSingleResult();
        if (row == null) {
            throw new IllegalStateException(DECISION + " : aucune règle pour le parcours " + path);
        }
        return new Durations(
                period(row, "validity"),
                period(row, "firstNotice"),
                period(row, "secondNotice"),
                period(row, "gracePeriod"));
    }

    /** A term that starts on {@code start} and ends at the first midnight after {@code validUntil}. */
    static Term term(LocalDate validUntil, Durations durations) {
        LocalDate end = validUntil.plusDays(1);
        return new Term(
                validUntil,
                midnight(end.minus(durations.firstNotice())),
                midnight(end.minus(durations.secondNotice())),
                midnight(end),
                midnight(end.plus(durations.gracePeriod())));
    }

    /** Today in Paris, by the engine's clock (which tests move). */
    static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(PARIS).toLocalDate();
    }

    static LocalDate day(Date date) {
        return date.toInstant().atZone(PARIS).toLocalDate();
    }

    static Date midnight(LocalDate day) {
        return Date.from(day.atStartOfDay(PARIS).toInstant());
    }

    private static Period period(DmnDecisionResultEntries row, String output) {
        Object value = row.getEntry(output);
        try {
            Period period = Period.parse(String.valueOf(value));
            if (period.isNegative() || period.isZero()) {
                throw new DateTimeParseException("not positive", String.valueOf(value), 0);
            }
            return period;
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(DECISION + " : la sortie " + output + " (" + value
                    + ") n'est pas une durée ISO-8601 positive en jours, semaines, mois ou années (P1Y, P60D)");
        }
    }
}
