package fr.aptic.qualification.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of our API into an RFC 9457 problem: field errors for bad input, the contract's status
 * codes, and never a stack trace. Anything unexpected is a 500 without details, logged with an id.
 */
// Global (not limited to our controllers' packages): a 415 or 405 is raised before any controller is chosen.
// Before Spring Boot's own problem-details advice, which would answer "Failed to read request" without a field.
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        return respond(e.status(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> FieldError.of(error.getField(), error.getDefaultMessage()))
                .toList();
        return respond(HttpStatus.BAD_REQUEST, "La requête contient des valeurs invalides", errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof BodyTooLargeException tooLarge) {
            return tooLarge(tooLarge);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return respond(
                    HttpStatus.BAD_REQUEST,
                    "Champ inconnu",
                    List.of(FieldError.of(path(unknown), "champ inconnu : " + unknown.getPropertyName())));
        }
        if (cause instanceof InvalidFormatException format) {
            return respond(
                    HttpStatus.BAD_REQUEST,
                    "Valeur mal formée",
                    List.of(FieldError.of(
                            path(format), "valeur de type incorrect : attendu " + typeName(format.getTargetType()))));
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return respond(
                    HttpStatus.BAD_REQUEST,
                    "Valeur mal formée",
                    List.of(FieldError.of(
                            path(mismatch),
                            "valeur de type incorrect : attendu " + typeName(mismatch.getTargetType()))));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return respond(
                    HttpStatus.BAD_REQUEST,
                    "Valeur mal formée",
                    List.of(FieldError.of(path(mapping), "valeur invalide")));
        }
        if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
            return respond(
                    HttpStatus.BAD_REQUEST,
                    "JSON mal formé (ligne " + json.getLocation().getLineNr() + ", colonne "
                            + json.getLocation().getColumnNr() + ")",
                    List.of(FieldError.of("", "JSON mal formé")));
        }
        return respond(
                HttpStatus.BAD_REQUEST,
                "Corps de requête absent ou illisible",
                List.of(FieldError.of("", "corps illisible")));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return respond(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage(), List.of(FieldError.of("", e.getMessage())));
    }

    /** A file over the upload limit: said on the French error page to a browser, as a problem to others. */
    @ExceptionHandler({MaxUploadSizeExceededException.class})
    Object uploadTooLarge(MaxUploadSizeExceededException e, jakarta.servlet.http.HttpServletRequest request) {
        if (wantsPage(request.getRequestURI(), request.getHeader("Accept"))) {
            return PageErrors.page(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "Fichier trop volumineux : envoyez un fichier de 20 Mo au plus, ou découpez-le en plusieurs lots.");
        }
        return respond(HttpStatus.PAYLOAD_TOO_LARGE, "Fichier trop volumineux", List.of());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return respond(
                HttpStatus.BAD_REQUEST, "Envoi multipart invalide", List.of(FieldError.of("file", "fichier attendu")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Type de contenu non pris en charge : " + e.getContentType() + " (attendu : "
                        + e.getSupportedMediaTypes() + ")",
                List.of(FieldError.of("Content-Type", "attendu : " + e.getSupportedMediaTypes())));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(HttpStatus.NOT_ACCEPTABLE, "Format de réponse non disponible", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "Méthode non autorisée : " + e.getMethod(), List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> argument(MethodArgumentTypeMismatchException e) {
        return respond(
                HttpStatus.BAD_REQUEST, "Paramètre invalide", List.of(FieldError.of(e.getName(), "valeur invalide")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> parameter(MissingServletRequestParameterException e) {
        return respond(
                HttpStatus.BAD_REQUEST,
                "Paramètre manquant",
                List.of(FieldError.of(e.getParameterName(), "obligatoire")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> header(MissingRequestHeaderException e) {
        return respond(
                HttpStatus.BAD_REQUEST, "En-tête manquant", List.of(FieldError.of(e.getHeaderName(), "obligatoire")));
    }

    /** An unknown path: the French error page for a browser on the pages, a problem for everyone else. */
    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(NoResourceFoundException e, jakarta.servlet.http.HttpServletRequest request) {
        if (wantsPage(request.getRequestURI(), request.getHeader("Accept"))) {
            org.springframework.web.servlet.ModelAndView page =
                    new org.springframework.web.servlet.ModelAndView("erreur", HttpStatus.NOT_FOUND);
            page.addObject("status", 404);
            page.addObject("detail", "Ressource introuvable");
            return page;
        }
        return respond(HttpStatus.NOT_FOUND, "Ressource introuvable", List.of());
    }

    /** Paths whose clients read data: their errors are problems whatever they accept. */
    private static final List<String> DATA_PATHS =
            List.of("/api/", "/engine-rest/", "/actuator", "/v3/", "/camunda/api/");

    /** Whether a request is a browser's on the pages (it accepts HTML, outside the data paths). */
    public static boolean wantsPage(String uri, String accept) {
        return String.valueOf(accept).contains("text/html")
                && DATA_PATHS.stream().noneMatch(String.valueOf(uri)::contains);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e) {
        return respond(HttpStatus.FORBIDDEN, "Vous n'avez pas accès à cette ressource", List.of());
    }

    @ExceptionHandler({DuplicateKeyException.class, OptimisticLockingException.class, ConcurrencyFailureException.class
    })
    ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
        return respond(HttpStatus.CONFLICT, "Conflit avec une modification concurrente ; réessayez", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String incident = java.util.UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "Erreur interne (incident " + incident + ")", List.of());
    }

    /**
     * Writes a problem straight to a servlet response, for filters that answer before any controller does
     * (start-up, size and rate limits, the URL firewall, authentication).
     */
    public static void write(
            HttpServletResponse response,
            ObjectMapper objectMapper,
            HttpStatus status,
            String detail,
            List<FieldError> errors)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(
                response.getOutputStream(), respond(status, detail, errors).getBody());
    }

    static ResponseEntity<ProblemDetail> respond(HttpStatus status, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        problem.setTitle(status.getReasonPhrase());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** Jackson's path in the API's notation: {@code places[0].postalCode}. */
    public static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "une autre valeur";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "booléen";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "nombre";
        }
        if (type == String.class) {
            return "texte";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "liste";
        }
        if (type.isEnum()) {
            return "une des valeurs " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "objet";
    }
}
