package fr.aptic.qualification.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page controller ({@link Pages}) shares: its refusals as the French error page, not the API's JSON
 * problem (the API's {@code ProblemHandler} answers everyone else), and the signed-in user's name for the header
 * ({@code null} on the public pages, which keep no session).
 */
@ControllerAdvice(annotations = Pages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrors {

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException e) {
        return page(e.status(), e.getMessage());
    }

    @ModelAttribute("connecte")
    String signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || "anonymousUser".equals(authentication.getName())) {
            return null;
        }
        return authentication.getName();
    }

    /** The French error page with this status and detail. */
    public static ModelAndView page(HttpStatus status, String detail) {
        ModelAndView page = new ModelAndView("erreur", status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        return page;
    }
}
