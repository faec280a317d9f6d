package fr.aptic.qualification.deadlines;

import fr.aptic.qualification.engine.ProcessVariable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The due and follow-up dates of the human tasks, which the models ask for by task
 * ({@code camunda:dueDate="${deadlines.due(execution, 'review-application')}"}, the same in the overdue timer's
 * {@code timeDate}, and {@code camunda:followUpDate="${deadlines.followUp(execution, 'review-application')}"}).
 * A date is the same time of day (Paris time, to the minute) as the engine's clock, so many working days later
 * ({@code aptic.deadlines.<task>.due} and {@code .follow-up}): weekends and the public holidays of the task's
 * territory do not count, that of the process variable {@code departement} unless the task is national.
 */
@Component("deadlines")
public class Deadlines {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The place's departement, set by the eligibility assessment or the campaign. */
    static final ProcessVariable<String> DEPARTEMENT = ProcessVariable.of("departement", String.class);

    private static final Logger log = LoggerFactory.getLogger(Deadlines.class);

    private final Map<String, TaskDeadline> tasks;
    private final WorkingDays workingDays = new WorkingDays();

    @Autowired
    Deadlines(Environment environment) {
        this(Binder.get(environment)
                .bind("aptic.deadlines", Bindable.mapOf(String.class, TaskDeadline.class))
                .orElse(Map.of()));
    }

    Deadlines(Map<String, TaskDeadline> tasks) {
        tasks.forEach((task, deadline) -> {
            String refusal = deadline.refusal();
            if (refusal != null) {
                throw new IllegalStateException("aptic.deadlines." + task + ": " + refusal);
            }
        });
        this.tasks = new TreeMap<>(tasks);
        log.info("Task deadlines in working days (due/follow-up): {}", this.tasks);
    }

    /** When the task falls due: {@code aptic.deadlines.<task>.due} working days from now. */
    public Date due(VariableScope execution, String task) {
        return after(execution, task, deadline(task).due());
    }

    /** When the task comes up for follow-up: {@code aptic.deadlines.<task>.follow-up} working days from now. */
    public Date followUp(VariableScope execution, String task) {
        return after(execution, task, deadline(task).followUp());
    }

    /** Whether the task has deadlines set (every task the models name must). */
    public boolean isSet(String task) {
        return tasks.containsKey(task);
    }

    private Date after(VariableScope execution, String task, int days) {
        WorkingCalendar calendar = calendar(task, DEPARTEMENT.find(execution));
        ZonedDateTime now = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), PARIS)
                .truncatedTo(ChronoUnit.MINUTES);
        return Date.from(after(now, days, calendar).toInstant());
    }

    /** The calendar of the departement, or of metropolitan France for a national task or without departement. */
    WorkingCalendar calendar(String task, Optional<String> departement) {
        return deadline(task).national()
                ? WorkingCalendar.METROPOLITAN
                : departement.map(WorkingCalendar::of).orElse(WorkingCalendar.METROPOLITAN);
    }

    /** The same time of day, {@code days} working days after {@code from}'s day. */
    ZonedDateTime after(ZonedDateTime from, int days, WorkingCalendar calendar) {
        LocalDate day = workingDays.plus(from.toLocalDate(), days, calendar);
        return ZonedDateTime.of(day, from.toLocalTime(), PARIS);
    }

    private TaskDeadline deadline(String task) {
        TaskDeadline deadline = tasks.get(task);
        if (deadline == null) {
            throw new IllegalArgumentException("No deadline for task '" + task + "': set aptic.deadlines." + task
                    + ".due and aptic.deadlines." + task + ".follow-up");
        }
        return deadline;
    }
}
