package fr.aptic.qualification.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import fr.aptic.qualification.support.ApiClient.Reply;
import fr.aptic.qualification.support.Scenarios;
import fr.aptic.qualification.support.Scenarios.Submitted;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * What the renewal page's tests share with the lifecycle's flow: a qualified producer, the notice timer fired
 * with the engine's clock moved, and the renewal link read from the mail the producer received.
 */
final class RenewalSteps {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern LINK = Pattern.compile("/renouvellement/[0-9a-f-]{36}\\?jeton=[A-Za-z0-9_-]+");

    private final Scenarios scenarios;
    private final ProcessEngine engine;

    RenewalSteps(Scenarios scenarios, ProcessEngine engine) {
        this.scenarios = scenarios;
        this.engine = engine;
    }

    /** Submitted, approved by the Corsican hub, bank details validated: qualified, waiting for the first notice. */
    Submitted qualified() {
        Submitted submitted = scenarios.contracting();
        Reply bank = scenarios.complete(
                "backoffice", scenarios.taskId(submitted.id(), Scenarios.BANK_TASK), Map.of("bankValid", true));
        assertThat(bank.status()).as("%s", bank).isEqualTo(204);
        return submitted;
    }

    /** The day of the timer the qualification waits on (the first notice: the day the renewal opens). */
    LocalDate nextTimerDay(Submitted producer) {
        return timer(producer).getDuedate().toInstant().atZone(PARIS).toLocalDate();
    }

    /** Moves the engine's clock past the timer the qualification waits on, and fires it. */
    void fireNextTimer(Submitted producer) {
        Job timer = timer(producer);
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        engine.getManagementService().executeJob(timer.getId());
    }

    /** The renewal link (path and query) of the notice the producer received, waiting for the outbox to send it. */
    static String renewalLink(GreenMailExtension mail, Submitted producer) {
        String address = "camille." + producer.siret() + "@exemple.org";
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            Optional<String> link = Arrays.stream(mail.getReceivedMessages())
                    .filter(message -> to(message, address))
                    .map(RenewalSteps::body)
                    .map(LINK::matcher)
                    .filter(Matcher::find)
                    .map(Matcher::group)
                    .findFirst();
            if (link.isPresent()) {
                return link.get();
            }
            mail.waitForIncomingEmail(500, mail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no renewal link mailed to " + address);
    }

    private Job timer(Submitted producer) {
        String instance = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(QualificationLifecycleProcess.KEY)
                .processInstanceBusinessKey(producer.id())
                .singleResult()
                .getId();
        return engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance)
                .timers()
                .singleResult();
    }

    private static boolean to(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(r -> r.toString().equals(address));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
