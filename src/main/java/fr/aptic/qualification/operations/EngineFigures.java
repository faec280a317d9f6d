package fr.aptic.qualification.operations;

import fr.aptic.qualification.notification.MailOutbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The engine's figures as metrics ({@code /actuator/prometheus}): jobs due, jobs out of retries, open incidents,
 * open tasks per candidate group, and mails waiting in the outbox. They are counted in the database every
 * {@code aptic.metrics.refresh} (30 s by default) on each node, not on each scrape, so that a scraper cannot
 * load the database; they are the same on every node, as all nodes share the database. Counted as the system,
 * outside any user's authorizations.
 */
@Component
class EngineFigures implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(EngineFigures.class);

    private final ProcessEngine engine;
    private final MailOutbox outbox;
    private final AtomicLong jobsDue = new AtomicLong();
    private final AtomicLong jobsFailed = new AtomicLong();
    private final AtomicLong incidents = new AtomicLong();
    private final AtomicLong mailsWaiting = new AtomicLong();
    private final AtomicLong mailsGivenUp = new AtomicLong();
    private volatile MultiGauge openTasks;

    EngineFigures(ProcessEngine engine, MailOutbox outbox) {
        this.engine = engine;
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("aptic.engine.jobs.due", jobsDue, AtomicLong::get)
                .description("Jobs the job executor may run now (retries left, due)")
                .register(registry);
        Gauge.builder("aptic.engine.jobs.failed", jobsFailed, AtomicLong::get)
                .description("Jobs out of retries, each with an incident")
                .register(registry);
        Gauge.builder("aptic.engine.incidents", incidents, AtomicLong::get)
                .description("Open incidents")
                .register(registry);
        Gauge.builder("aptic.mail.outbox.waiting", mailsWaiting, AtomicLong::get)
                .description("Mails not sent yet that will be tried again")
                .register(registry);
        Gauge.builder("aptic.mail.outbox.given.up", mailsGivenUp, AtomicLong::get)
                .description("Mails given up after every attempt failed")
                .register(registry);
        openTasks = MultiGauge.builder("aptic.tasks.open")
                .description("Open user tasks offered to a candidate group")
                .register(registry);
        refresh();
    }

    @Scheduled(fixedDelayString = "${aptic.metrics.refresh:30s}", initialDelayString = "${aptic.metrics.refresh:30s}")
    void refresh() {
        try {
            ProcessEngineConfigurationImpl configuration =
                    (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            configuration
                    .getCommandExecutorTxRequired()
                    .execute(context -> context.runWithoutAuthorization(() -> {
                        count();
                        return null;
                    }));
        } catch (RuntimeException e) {
            // a figure a little old is better than a scrape that fails; the next refresh tries again
            log.warn("Engine figures not refreshed: {}", e.toString());
        }
    }

    private void count() {
        var management = engine.getManagementService();
        jobsDue.set(management.createJobQuery().executable().count());
        jobsFailed.set(management.createJobQuery().noRetriesLeft().count());
        incidents.set(engine.getRuntimeService().createIncidentQuery().count());
        var tasks = engine.getTaskService();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Group group : engine.getIdentityService().createGroupQuery().list()) {
            long open =
                    tasks.createTaskQuery().taskCandidateGroup(group.getId()).count();
            rows.add(MultiGauge.Row.of(Tags.of("group", group.getId()), open));
        }
        MultiGauge gauge = openTasks;
        if (gauge != null) {
            gauge.register(rows, true);
        }
        mailsWaiting.set(outbox.waiting());
        mailsGivenUp.set(outbox.givenUp());
    }
}
