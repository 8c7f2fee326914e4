package org.piste.app.web.alerts;

import org.piste.app.web.NotFound;
import org.piste.app.web.entities.EntitiesController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/** Error pages with a sentence for the alerts and entities pages: unknown things 404, bad parameters 400. */
@ControllerAdvice(assignableTypes = {AlertsController.class, EntitiesController.class})
public class PageErrors {

    @ExceptionHandler(NotFound.class)
    public ModelAndView notFound(NotFound e) {
        return page(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ModelAndView badRequest(IllegalArgumentException e) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    public ModelAndView badParameter(Exception e) {
        return page(HttpStatus.BAD_REQUEST, sentence(e));
    }

    static String sentence(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return "the parameter '" + m.getName() + "' has a wrong value: '" + m.getValue() + "'";
        }
        if (e instanceof MissingServletRequestParameterException m) return "the parameter '" + m.getParameterName() + "' is missing";
        return "the request body cannot be read";
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView mv = new ModelAndView("alerts/problem");
        mv.setStatus(status);
        mv.addObject("status", status.value());
        mv.addObject("message", message);
        return mv;
    }
}
