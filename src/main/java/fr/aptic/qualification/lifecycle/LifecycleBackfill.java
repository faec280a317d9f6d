package fr.aptic.qualification.lifecycle;

import fr.aptic.qualification.application.ApplicationRepository;
import fr.aptic.qualification.engine.EngineReadyEvent;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives a lifecycle to the qualifications granted before it existed (QUALIFIED, no term ever opened), at start-up:
 * their first term keeps the end date of their contract. Each one in its own transaction, its application row
 * locked first, so that two nodes starting together start one lifecycle each, not two.
 */
@Component
class LifecycleBackfill {

    private static final Logger log = LoggerFactory.getLogger(LifecycleBackfill.class);

    private static final String WITHOUT_LIFE = "select id from app_application a where a.status = 'QUALIFIED'"
            + " and not exists (select 1 from app_timeline t where t.application_id = a.id"
            + " and t.event = 'TERM_OPENED')";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationRepository applications;
    private final QualificationStore store;
    private final QualificationService qualifications;

    LifecycleBackfill(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            ApplicationRepository applications,
            QualificationStore store,
            QualificationService qualifications) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.applications = applications;
        this.store = store;
        this.qualifications = qualifications;
    }

    @EventListener
    void onStart(EngineReadyEvent ready) {
        int started = backfill();
        if (started > 0) {
            log.info("Lifecycle started for {} qualification(s) granted before it existed", started);
        }
    }

    /** Starts the missing lifecycles; answers how many. */
    int backfill() {
        List<String> ids = jdbc.sql(WITHOUT_LIFE).query(String.class).list();
        int started = 0;
        for (String id : ids) {
            Boolean done = transaction.execute(status -> {
                jdbc.sql("select id from app_application where id = ? for update")
                        .param(id)
                        .query(String.class)
                        .optional();
                if (jdbc.sql(WITHOUT_LIFE + " and a.id = ?")
                        .param(id)
                        .query(String.class)
                        .optional()
                        .isEmpty()) {
                    return false; // another node did it meanwhile
                }
                LocalDate until = store.validUntil(id).orElse(null);
                qualifications.start(applications.findById(id).orElseThrow(), until);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                started++;
            }
        }
        return started;
    }
}
