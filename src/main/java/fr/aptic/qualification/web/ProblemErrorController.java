package fr.aptic.qualification.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers the errors that never reach a controller (Tomcat refusing a malformed URL or header, a filter
 * sending an error) as RFC 9457 problems like the rest of the API, instead of Spring Boot's default body. It
 * says only the status: the cause may hold the request's own bytes. Browsers on the pages get the French error
 * page instead.
 */
@RestController
class ProblemErrorController implements ErrorController {

    /** Paths whose clients read data: their errors are problems whatever they accept. */
    private static final List<String> DATA_PATHS =
            List.of("/api/", "/engine-rest/", "/actuator", "/v3/", "/camunda/api/");

    /**
     * A browser that asks for a page outside the data paths gets the French error page; every other client a
     * problem.
     */
    @RequestMapping("${server.error.path:${error.path:/error}}")
    Object error(HttpServletRequest request) {
        ResponseEntity<ProblemDetail> problem = problem(request);
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String accept = String.valueOf(request.getHeader("Accept"));
        if (!ProblemHandler.wantsPage(uri, accept)) {
            return problem;
        }
        ModelAndView page = new ModelAndView("erreur", problem.getStatusCode());
        page.addObject("status", problem.getStatusCode().value());
        page.addObject(
                "detail", problem.getBody() == null ? "" : problem.getBody().getDetail());
        page.addObject("retryAfter", request.getAttribute(SubmissionRateLimitFilter.RETRY_AFTER));
        return page;
    }

    private ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = switch (status) {
            case BAD_REQUEST -> "Requête mal formée";
            case NOT_FOUND -> "Ressource introuvable";
            case FORBIDDEN -> "Vous n'avez pas accès à cette ressource";
            case UNAUTHORIZED -> "Authentification requise";
            case PAYLOAD_TOO_LARGE -> "Corps de requête trop volumineux";
            case TOO_MANY_REQUESTS -> "Trop de demandes depuis votre adresse";
            case METHOD_NOT_ALLOWED -> "Méthode non permise";
            default -> status.is5xxServerError() ? "Erreur interne" : status.getReasonPhrase();
        };
        return ProblemHandler.respond(status, detail, List.of());
    }
}
