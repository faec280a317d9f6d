package fr.aptic.qualification.site;

import fr.aptic.qualification.application.ApplicationRequest;
import fr.aptic.qualification.application.ApplicationService;
import fr.aptic.qualification.application.ApplicationValidator;
import fr.aptic.qualification.reference.Siret;
import fr.aptic.qualification.site.Drafts.Draft;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.Pages;
import fr.aptic.qualification.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The application form ({@code /devenir}): one page per {@link Step}, each checked on the server by the same
 * validator as the API and saved as a draft whatever its errors, then the submission through the API's service.
 * A draft that answers a change request ends by sending the complements instead.
 */
@Controller
@Pages
class ApplyPages {

    static final String PATH = "/devenir/";

    private final ApplicationService applications;
    private final ApplicationValidator validator;
    private final DraftCookie drafts;
    private final SiteProperties properties;

    ApplyPages(
            ApplicationService applications,
            ApplicationValidator validator,
            DraftCookie drafts,
            SiteProperties properties) {
        this.applications = applications;
        this.validator = validator;
        this.drafts = drafts;
        this.properties = properties;
    }

    @GetMapping("/devenir")
    String intro(@CookieValue(name = DraftCookie.NAME, required = false) String draftId, Model model) {
        model.addAttribute("draft", drafts.find(draftId).orElse(null));
        model.addAttribute("steps", Step.values());
        return "devenir/intro";
    }

    @GetMapping(PATH + "{slug}")
    String step(
            @PathVariable String slug,
            @CookieValue(name = DraftCookie.NAME, required = false) String draftId,
            Model model) {
        Step step = Step.of(slug).orElseThrow(() -> ProblemException.notFound("Étape inconnue"));
        Draft draft = drafts.find(draftId).orElse(null);
        ApplicationRequest request = draft == null ? ApplyForm.empty() : draft.request();
        FormErrors errors =
                step == Step.RECAPITULATIF ? FormErrors.onSteps(allErrors(request), PATH) : FormErrors.none();
        return render(step, draft, request, errors, model);
    }

    @PostMapping(PATH + "{slug}")
    String save(
            @PathVariable String slug,
            @RequestParam MultiValueMap<String, String> form,
            @CookieValue(name = DraftCookie.NAME, required = false) String draftId,
            HttpServletResponse response,
            Model model) {
        Step step = Step.of(slug).orElseThrow(() -> ProblemException.notFound("Étape inconnue"));
        Draft draft = drafts.findOrCreate(draftId, response);
        ApplyForm.Bound bound = ApplyForm.bind(step, form, draft.request());
        ApplicationRequest request = placesAction(step, form.getFirst("action"), bound.request());
        draft = draft.with(request);
        drafts.save(draft);
        String action = String.valueOf(form.getFirst("action"));
        if (action.equals("precedent")) {
            return "redirect:" + PATH + step.previous().orElse(step).slug();
        }
        if (action.startsWith("lieu-")) {
            return "redirect:" + PATH + step.slug() + "#lieux";
        }
        List<FieldError> errors = new ArrayList<>(bound.errors());
        validator.check(request).errors().stream()
                .filter(error -> step.owns(error.field()))
                .filter(error ->
                        bound.errors().stream().noneMatch(e -> e.field().equals(error.field())))
                .forEach(errors::add);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(step, draft, request, FormErrors.of(errors).keeping(bound.typed()), model);
        }
        return "redirect:" + PATH + step.next().orElse(step).slug();
    }

    /** Sends the application (or the complements a reviewer asked for) once every step is right. */
    @PostMapping(PATH + "envoi")
    String send(
            @CookieValue(name = DraftCookie.NAME, required = false) String draftId,
            HttpServletResponse response,
            Model model) {
        Draft draft = drafts.find(draftId).orElse(null);
        if (draft == null) {
            return "redirect:/devenir";
        }
        List<FieldError> errors = allErrors(draft.request());
        if (errors.isEmpty()) {
            try {
                if (draft.answersChangeRequest()) {
                    applications.complements(draft.applicationId(), draft.trackingToken(), draft.request());
                    drafts.forget(draft, response);
                    return "redirect:/suivi/" + draft.applicationId() + "?jeton=" + draft.trackingToken()
                            + "&envoye=complements";
                }
                ApplicationService.Submitted submitted =
                        applications.submit(draft.request(), ApplicationService.Origin.free());
                drafts.forget(draft, response);
                model.addAttribute("submitted", submitted);
                model.addAttribute("email", draft.request().contact().email());
                return "devenir/envoyee";
            } catch (ProblemException e) {
                if (e.errors().isEmpty()) {
                    model.addAttribute("problem", e.getMessage());
                }
                errors = e.errors();
                response.setStatus(e.status().value());
            }
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return render(Step.RECAPITULATIF, draft, draft.request(), FormErrors.onSteps(errors, PATH), model);
    }

    /** The SIRET's checksum, as the applicant types it (htmx): the message group beside the field. */
    @PostMapping(PATH + "verification/siret")
    String checkSiret(@RequestParam(name = "siret", required = false) String siret, Model model) {
        String digits = siret == null ? "" : Siret.normalise(siret.strip());
        model.addAttribute(
                "siretProblem", digits.isEmpty() ? null : Siret.problem(digits).orElse(null));
        model.addAttribute("siretChecked", !digits.isEmpty());
        return "devenir/etape :: siret-messages";
    }

    private List<FieldError> allErrors(ApplicationRequest request) {
        return validator.check(request).errors();
    }

    /** "Add a place" and "remove place n" on the places step: the draft changes, the page shows again. */
    private static ApplicationRequest placesAction(Step step, String action, ApplicationRequest request) {
        if (step != Step.LIEUX || action == null) {
            return request;
        }
        List<ApplicationRequest.Place> places = new ArrayList<>(request.places());
        if (action.equals("lieu-ajouter") && places.size() < ApplyForm.MAX_PLACES) {
            places.add(ApplyForm.emptyPlace());
        } else if (action.startsWith("lieu-retirer-") && places.size() > 1) {
            try {
                int index = Integer.parseInt(action.substring("lieu-retirer-".length()));
                if (index >= 0 && index < places.size()) {
                    places.remove(index);
                }
            } catch (NumberFormatException e) {
                return request;
            }
        }
        return ApplyForm.withPlaces(request, places);
    }

    private String render(Step step, Draft draft, ApplicationRequest request, FormErrors errors, Model model) {
        model.addAttribute("step", step);
        model.addAttribute("steps", Step.values());
        model.addAttribute("draft", draft);
        model.addAttribute("request", request);
        model.addAttribute("errors", errors);
        model.addAttribute("ids", new FormIds());
        model.addAttribute("wording", new PageWording());
        model.addAttribute("tiles", properties.map());
        return "devenir/etape";
    }
}
