package fr.aptic.qualification.site;

import fr.aptic.qualification.application.ApplicationAccess;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationService;
import fr.aptic.qualification.application.ApplicationStatus;
import fr.aptic.qualification.application.ApplicationView;
import fr.aptic.qualification.application.TimelineEvent;
import fr.aptic.qualification.web.Pages;
import fr.aptic.qualification.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The applicant's tracking page ({@code /suivi/{id}?jeton=…}): where the application stands in words, its
 * timeline, the reviewer's change request and the way to answer it, the bank details when the contract step asks
 * for them, and withdrawal. A wrong or missing token shows the same page as an unknown application.
 */
@Controller
@Pages
class TrackingPages {

    private final ApplicationService applications;
    private final DraftCookie drafts;
    private final ObjectProvider<TrackingQualification> qualifications;

    TrackingPages(
            ApplicationService applications, DraftCookie drafts, ObjectProvider<TrackingQualification> qualifications) {
        this.applications = applications;
        this.drafts = drafts;
        this.qualifications = qualifications;
    }

    @GetMapping("/suivi/{id}")
    String show(
            @PathVariable String id,
            @RequestParam(name = "jeton", required = false) String token,
            @RequestParam(name = "envoye", required = false) String sent,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("sent", sent);
        return page(id, token, FormErrors.none(), response, model);
    }

    /** Answering a change request: the form opens on a draft holding the application as stored. */
    @GetMapping("/suivi/{id}/completer")
    String complete(
            @PathVariable String id,
            @RequestParam(name = "jeton", required = false) String token,
            HttpServletResponse response,
            Model model) {
        ApplicationView view = view(id, token);
        if (view == null || view.status() != ApplicationStatus.CHANGES_REQUESTED) {
            return page(id, token, FormErrors.none(), response, model);
        }
        drafts.start(applications.stored(id, token), id, token, response);
        return "redirect:" + ApplyPages.PATH + Step.ORGANISATION.slug();
    }

    @PostMapping("/suivi/{id}/banque")
    String bank(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response,
            Model model) {
        String token = form.getFirst("jeton");
        ApplicationRequest.Bank bank = ApplyForm.bank(form);
        try {
            applications.complements(
                    id, token, new ApplicationRequest(null, null, null, null, null, null, null, null, bank));
            return "redirect:/suivi/" + id + "?jeton=" + token + "&envoye=banque";
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return page(id, token, FormErrors.none(), response, model);
            }
            response.setStatus(e.status().value());
            model.addAttribute("problem", e.errors().isEmpty() ? e.getMessage() : null);
            model.addAttribute("bank", bank);
            return page(id, token, FormErrors.of(e.errors()), response, model);
        }
    }

    @GetMapping("/suivi/{id}/retrait")
    String confirmWithdrawal(
            @PathVariable String id,
            @RequestParam(name = "jeton", required = false) String token,
            HttpServletResponse response,
            Model model) {
        ApplicationView view = view(id, token);
        if (view == null || view.status().isFinal()) {
            return page(id, token, FormErrors.none(), response, model);
        }
        model.addAttribute("demande", view);
        model.addAttribute("token", token);
        return "suivi/retrait";
    }

    @PostMapping("/suivi/{id}/retrait")
    String withdraw(
            @PathVariable String id,
            @RequestParam(name = "jeton", required = false) String token,
            HttpServletResponse response,
            Model model) {
        try {
            applications.withdraw(id, token, ApplicationAccess.ANONYMOUS);
            return "redirect:/suivi/" + id + "?jeton=" + token + "&envoye=retrait";
        } catch (ProblemException e) {
            if (e.status() != HttpStatus.NOT_FOUND) {
                response.setStatus(e.status().value());
                model.addAttribute("problem", e.getMessage());
            }
            return page(id, token, FormErrors.none(), response, model);
        }
    }

    private String page(String id, String token, FormErrors errors, HttpServletResponse response, Model model) {
        ApplicationView view = view(id, token);
        if (view == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "suivi/introuvable";
        }
        model.addAttribute("demande", view);
        model.addAttribute("token", token);
        model.addAttribute("status", Wording.status(view.status()));
        model.addAttribute(
                "timeline",
                view.timeline().stream()
                        .sorted(Comparator.comparing(TimelineEvent::at).reversed())
                        .map(event -> new Line(
                                Wording.event(event.event()), event.at().toString(), SHOWN.format(event.at())))
                        .toList());
        model.addAttribute("changeRequest", changeRequest(view));
        model.addAttribute(
                "reasons",
                view.reasons() == null
                        ? List.of()
                        : view.reasons().stream().map(Wording::reason).toList());
        model.addAttribute("awaitsBank", applications.awaitsBankDetails(id, token));
        model.addAttribute("qualification", qualification(id, token));
        model.addAttribute("errors", errors);
        model.addAttribute("ids", new FormIds());
        model.addAttribute("wording", new PageWording());
        return "suivi/demande";
    }

    /** The application, or {@code null} when it is unknown or the token is wrong (they look the same). */
    private ApplicationView view(String id, String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            return applications.view(id, token, ApplicationAccess.ANONYMOUS);
        } catch (ProblemException e) {
            return null;
        }
    }

    /** A granted qualification as the page shows it: dates in words, whether to link the renewal page. */
    public record Qualification(
            String validUntil,
            boolean renewalOpen,
            String takeUpUntil,
            String revocationReason,
            String revocationComment) {}

    private Qualification qualification(String id, String token) {
        TrackingQualification source = qualifications.getIfAvailable();
        if (source == null) {
            return null;
        }
        return source.of(id, token)
                .map(q -> new Qualification(
                        day(q.validUntil()),
                        q.renewalOpen(),
                        day(q.takeUpUntil()),
                        q.revocationReason(),
                        q.revocationComment()))
                .orElse(null);
    }

    private static String day(java.time.LocalDate date) {
        return date == null ? null : DAY.format(date);
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH);

    /** A timeline line: the event in words, when (ISO, for the {@code time} element) and as shown. */
    public record Line(String words, String at, String shown) {}

    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern(
                    "d MMMM yyyy 'à' HH'h'mm", java.util.Locale.FRENCH)
            .withZone(java.time.ZoneId.of("Europe/Paris"));

    /** What the reviewer asked for: the reason in words and their comment, from the latest request. */
    public record ChangeRequest(String reason, String comment) {}

    private static ChangeRequest changeRequest(ApplicationView view) {
        if (view.status() != ApplicationStatus.CHANGES_REQUESTED) {
            return null;
        }
        return view.timeline().stream()
                .filter(event -> "CHANGES_REQUESTED".equals(event.event()))
                .max(Comparator.comparing(TimelineEvent::at))
                .map(event -> {
                    // recorded as "REASON" or "REASON : comment"
                    String[] parts = String.valueOf(event.detail()).split(" : ", 2);
                    return new ChangeRequest(Wording.reason(parts[0]), parts.length > 1 ? parts[1] : null);
                })
                .orElse(new ChangeRequest("des compléments sont nécessaires", null));
    }
}
