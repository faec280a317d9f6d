package fr.aptic.qualification.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationService;
import fr.aptic.qualification.site.FormErrors;
import fr.aptic.qualification.site.FormIds;
import fr.aptic.qualification.site.PageWording;
import fr.aptic.qualification.web.Pages;
import fr.aptic.qualification.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * « Mettre à jour mes lieux » ({@code /renouvellement/{id}/modifier?jeton=…}): the producer changes what changes
 * most at renewal (each place's hours, services, volume, price, name and address; two quality answers) and
 * confirms with it, through {@link QualificationService#confirmRenewal} as the API does; then the confirmation page
 * of {@link RenewalPages}. The token is checked and carried as the renewal page does it.
 */
@Controller
@Pages
class RenewalChangePages {

    private final RenewalPages renewal;
    private final QualificationService qualifications;
    private final ApplicationService applications;
    private final ObjectMapper json;

    RenewalChangePages(
            RenewalPages renewal,
            QualificationService qualifications,
            ApplicationService applications,
            ObjectMapper json) {
        this.renewal = renewal;
        this.qualifications = qualifications;
        this.applications = applications;
        this.json = json;
    }

    @GetMapping(RenewalPages.PATH + "{id}/modifier")
    ModelAndView show(@PathVariable String id, @RequestParam(name = "jeton", required = false) String token) {
        QualificationView view;
        try {
            view = qualifications.viewOfApplication(id, token);
        } catch (ProblemException e) {
            return RenewalPages.notFound();
        }
        if (!view.renewalOpen()) {
            return renewal.page(id, token);
        }
        return form(view, token, applications.storedRequest(id), FormErrors.none());
    }

    /**
     * The changed places (and quality) confirm the renewal: the confirmation page (PRG) on success; the form again
     * with its errors (400), or the renewal page with the refusal (409), nothing changed.
     */
    @PostMapping(RenewalPages.PATH + "{id}/modifier")
    ModelAndView confirm(
            @PathVariable String id,
            @RequestParam(name = "jeton", required = false) String token,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response) {
        QualificationView before;
        try {
            before = qualifications.viewOfApplication(id, token);
        } catch (ProblemException e) {
            return RenewalPages.notFound();
        }
        ApplicationRequest stored = applications.storedRequest(id);
        RenewalForm.Bound bound = RenewalForm.bind(form, stored);
        if (!bound.errors().isEmpty()) {
            return invalid(before, token, bound, FormErrors.of(bound.errors()).keeping(bound.typed()));
        }
        try {
            LocalDate validUntil = before.validUntil();
            QualificationView after = qualifications.confirmRenewal(id, token, bound.patch(json));
            return renewal.toConfirmation(id, RenewalOutcome.of(validUntil, after), response);
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return RenewalPages.notFound();
            }
            if (e.status() == HttpStatus.BAD_REQUEST) {
                return invalid(before, token, bound, FormErrors.of(e.errors()).keeping(Map.of()));
            }
            ModelAndView page = renewal.page(id, token);
            page.setStatus(e.status());
            page.addObject("problem", e.getMessage());
            return page;
        }
    }

    private ModelAndView invalid(QualificationView view, String token, RenewalForm.Bound bound, FormErrors errors) {
        ModelAndView page = form(view, token, bound.over(applications.storedRequest(view.applicationId())), errors);
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }

    private static ModelAndView form(
            QualificationView view, String token, ApplicationRequest request, FormErrors errors) {
        ModelAndView page = new ModelAndView("renouvellement/modifier");
        page.addObject("qualification", view);
        page.addObject("token", token);
        page.addObject("request", request);
        page.addObject("errors", errors);
        page.addObject("ids", new FormIds());
        page.addObject("wording", new PageWording());
        return page;
    }
}
