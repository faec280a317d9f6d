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

/**
 * Answers the errors that never reach a controller (Tomcat refusing a malformed URL or header, a filter
 * sending an error) as RFC 9457 problems like the rest of the API, instead of Spring Boot's default body. It
 * says only the status: the cause may hold the request's own bytes.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
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
            default -> status.is5xxServerError() ? "Erreur interne" : status.getReasonPhrase();
        };
        return ProblemHandler.respond(status, detail, List.of());
    }
}
