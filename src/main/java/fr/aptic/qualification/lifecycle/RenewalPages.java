package fr.aptic.qualification.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationService;
import fr.aptic.qualification.application.ApplicationStatus;
import fr.aptic.qualification.site.PageWording;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.PageErrors;
import fr.aptic.qualification.web.Pages;
import fr.aptic.qualification.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The producer's renewal page ({@code /renouvellement/{id}?jeton=…}, the link of the renewal notices): the
 * qualification's state and end date, what the producer confirms (places, hours, services, the charter), and the
 * confirmation without change through {@link QualificationService#confirmRenewal}, as the API's. A wrong token
 * shows the French 404 page, as an unknown application does.
 */
@Controller
@Pages
class RenewalPages {

    static final String PATH = "/renouvellement/";

    /** The flash of a confirmation: its {@link RenewalOutcome}. */
    static final String CONFIRMED = "aptic_renouvellement";

    private final QualificationService qualifications;
    private final ApplicationService applications;
    private final ObjectMapper json;
    private final boolean secureCookies;

    RenewalPages(
            QualificationService qualifications,
            ApplicationService applications,
            ObjectMapper json,
            @Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies) {
        this.qualifications = qualifications;
        this.applications = applications;
        this.json = json;
        this.secureCookies = secureCookies;
    }

    @GetMapping(PATH + "{id}")
    ModelAndView show(@PathVariable String id, @RequestParam(name = "jeton", required = false) String token) {
        return page(id, token);
    }

    /**
     * « Je confirme que ces informations sont toujours exactes »: a renewal without change, then the confirmation
     * page (PRG). A refusal (renewal not open, already handled) shows this page again with the message.
     */
    @PostMapping(PATH + "{id}")
    ModelAndView confirm(
            @PathVariable String id,
            @RequestParam(name = "jeton", required = false) String token,
            HttpServletResponse response) {
        try {
            LocalDate before = qualifications.viewOfApplication(id, token).validUntil();
            QualificationView after = qualifications.confirmRenewal(id, token, json.createObjectNode());
            return toConfirmation(id, RenewalOutcome.of(before, after), response);
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return notFound();
            }
            ModelAndView page = page(id, token);
            page.setStatus(e.status());
            page.addObject(
                    "problem",
                    e.errors().isEmpty()
                            ? e.getMessage()
                            : "Les informations enregistrées ne sont plus complètes : "
                                    + String.join(
                                            ", ",
                                            e.errors().stream()
                                                    .map(FieldError::field)
                                                    .distinct()
                                                    .map(field -> new PageWording().label(field))
                                                    .toList())
                                    + ". Indiquez ce qui a changé.");
            return page;
        }
    }

    /**
     * The PRG after a confirmation: its outcome in a short-lived cookie of this path, since the renewal link's token
     * is spent once the qualification is renewed and no token goes into the redirect.
     */
    ModelAndView toConfirmation(String id, RenewalOutcome outcome, HttpServletResponse response) {
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(CONFIRMED, outcome.cookie())
                        .path(PATH + id)
                        .httpOnly(true)
                        .secure(secureCookies)
                        .sameSite("Lax")
                        .maxAge(Duration.ofMinutes(10))
                        .build()
                        .toString());
        return new ModelAndView("redirect:" + PATH + id + "/confirme");
    }

    /**
     * After a confirmation (PRG): what became of it, from a short-lived cookie of this path, since the renewal
     * link's token is spent once the qualification is renewed and no token goes into the redirect.
     */
    @GetMapping(PATH + "{id}/confirme")
    ModelAndView confirmed(@PathVariable String id, @CookieValue(name = CONFIRMED, required = false) String cookie) {
        Optional<RenewalOutcome> outcome = RenewalOutcome.fromCookie(cookie);
        if (outcome.isEmpty()) {
            return notFound();
        }
        ModelAndView page = new ModelAndView("renouvellement/confirme");
        page.addObject("outcome", outcome.get().kind().name());
        page.addObject("renewedUntil", day(outcome.get().validUntil()));
        return page;
    }

    ModelAndView page(String id, String token) {
        QualificationView view;
        try {
            view = qualifications.viewOfApplication(id, token);
        } catch (ProblemException e) {
            return notFound();
        }
        ApplicationStatus status = ApplicationStatus.valueOf(view.status());
        ApplicationRequest request = applications.storedRequest(id);
        ModelAndView page = new ModelAndView("renouvellement/page");
        page.addObject("qualification", view);
        page.addObject("token", token);
        page.addObject("status", new PageWording().status(status));
        page.addObject("validUntil", day(view.validUntil()));
        page.addObject("takeUpUntil", day(view.canBeTakenUpUntil()));
        page.addObject(
                "opensOn",
                view.renewalOpen() || status != ApplicationStatus.QUALIFIED
                        ? null
                        : qualifications
                                .renewalOpensOn(id)
                                .map(RenewalPages::day)
                                .orElse(null));
        page.addObject("request", request);
        page.addObject("commitments", accepted(request.charter()));
        page.addObject("wording", new PageWording());
        return page;
    }

    private static List<String> accepted(ApplicationRequest.Charter charter) {
        if (charter == null || charter.commitments() == null) {
            return List.of();
        }
        // in the charter's order, then any other accepted (an older version's)
        List<String> order = new PageWording().commitments();
        return charter.commitments().entrySet().stream()
                .filter(entry -> Boolean.TRUE.equals(entry.getValue()))
                .map(Map.Entry::getKey)
                .sorted(java.util.Comparator.comparing(
                                (String code) -> order.contains(code) ? order.indexOf(code) : order.size())
                        .thenComparing(code -> code))
                .toList();
    }

    static ModelAndView notFound() {
        return PageErrors.page(HttpStatus.NOT_FOUND, "Ce lien de renouvellement ne correspond à aucune qualification.");
    }

    static String day(LocalDate date) {
        return date == null ? null : LifecycleMails.DAY.format(date);
    }
}
