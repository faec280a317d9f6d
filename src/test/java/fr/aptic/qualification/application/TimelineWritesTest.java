package fr.aptic.qualification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.aptic.qualification.support.ApiClient;
import fr.aptic.qualification.support.Scenarios;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Timeline events added in a transaction are written in one batch at its commit: the transaction reads its own
 * events back, in order, a rollback loses them with everything else, and outside a transaction they are written
 * at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TimelineWritesTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventsOfATransactionAreReadBackInOrderAndWrittenAtItsCommit() {
        String id = new Scenarios(new ApiClient(port)).underReview().id();

        List<String> seen = transactions.execute(status -> {
            applications.addEvent(id, "TEST_FIRST", "un", "tester");
            applications.addEvent(id, "TEST_SECOND", "deux", "tester");
            return events(applications.timeline(id));
        });
        assertThat(seen).endsWith("TEST_FIRST", "TEST_SECOND");
        assertThat(events(applications.timeline(id))).endsWith("TEST_FIRST", "TEST_SECOND");

        // events added after a read in the same transaction are written too, after the first ones
        transactions.executeWithoutResult(status -> {
            applications.addEvent(id, "TEST_THIRD", null, "tester");
            applications.timeline(id);
            applications.addEvent(id, "TEST_FOURTH", null, "tester");
        });
        assertThat(events(applications.timeline(id))).endsWith("TEST_SECOND", "TEST_THIRD", "TEST_FOURTH");
    }

    @Test
    void aRolledBackTransactionLeavesNoEventAndNoTransactionWritesAtOnce() {
        String id = new Scenarios(new ApiClient(port)).underReview().id();

        transactions.executeWithoutResult(status -> {
            applications.addEvent(id, "TEST_ROLLED_BACK", null, "tester");
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    applications.addEvent(id, "TEST_FAILED", null, "tester");
                    throw new IllegalStateException("the command fails");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(events(applications.timeline(id))).doesNotContain("TEST_ROLLED_BACK", "TEST_FAILED");

        applications.addEvent(id, "TEST_NO_TRANSACTION", null, "tester");
        assertThat(jdbc.queryForObject(
                        "select count(*) from app_timeline where application_id = ? and event = 'TEST_NO_TRANSACTION'",
                        Integer.class,
                        id))
                .isEqualTo(1);
    }

    private static List<String> events(List<TimelineEvent> timeline) {
        return timeline.stream().map(TimelineEvent::event).toList();
    }
}
