package fr.aptic.qualification.site;

import fr.aptic.qualification.web.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page's refusals as the French error page, not the API's JSON problem: the pages' controllers only (the API's
 * {@code ProblemHandler} answers everyone else).
 */
@ControllerAdvice(basePackageClasses = SiteErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class SiteErrors {

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException e) {
        return page(e.status(), e.getMessage());
    }

    static ModelAndView page(HttpStatus status, String detail) {
        ModelAndView page = new ModelAndView("erreur", status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        return page;
    }
}
