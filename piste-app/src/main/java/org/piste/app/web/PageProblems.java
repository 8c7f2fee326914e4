package org.piste.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.piste.app.accounts.AccountRefusal;
import org.piste.app.cases.CaseRefusal;
import org.piste.app.network.UnknownEntityException;
import org.piste.app.refusals.Refused;
import org.piste.normal.Text;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one error page of the pages ({@code error.html}, also Spring's own): the status, and a sentence when saying it
 * tells nothing the user may not know. A case the user may not see is answered as if it did not exist, without a
 * sentence. The API's errors are {@link ApiProblems}', which is consulted first.
 */
@ControllerAdvice(annotations = Controller.class)
public class PageProblems {
    static final String HIDDEN_CASE = "need-to-know: case not visible to this user";
    static final String CASE_CHANGE = "case: change not allowed to this user";
    private final WebAudit audit;

    public PageProblems(WebAudit audit) {
        this.audit = audit;
    }

    @ExceptionHandler({NotFound.class, UnknownEntityException.class, AccountRefusal.NoSuchUser.class})
    public ModelAndView notFound(RuntimeException e, Locale locale) {
        return page(HttpStatus.NOT_FOUND, said(e, locale));
    }

    /** Answered as if the case did not exist, and written to the audit trail. */
    @ExceptionHandler(CaseRefusal.NotFound.class)
    public ModelAndView caseNotFound(HttpServletRequest request) {
        audit.refused(request, HIDDEN_CASE);
        return page(HttpStatus.NOT_FOUND, "");
    }

    /** A user who sees the case but may not make this change (the forms are not shown to them); audited. */
    @ExceptionHandler(CaseRefusal.Forbidden.class)
    public ModelAndView forbidden(HttpServletRequest request) {
        audit.refused(request, CASE_CHANGE);
        return page(HttpStatus.FORBIDDEN, "");
    }

    /** A change that would leave no enabled admin. */
    @ExceptionHandler(AccountRefusal.LastAdmin.class)
    public ModelAndView conflict(AccountRefusal.LastAdmin e, Locale locale) {
        return page(HttpStatus.CONFLICT, said(e, locale));
    }

    /** A refusal or an absence a page states with its own status and sentence (an import job of another user...). */
    @ExceptionHandler(ResponseStatusException.class)
    public ModelAndView status(ResponseStatusException e, Locale locale) {
        return page(HttpStatus.valueOf(e.getStatusCode().value()), e.getCause() instanceof Refused r ? r.in(locale)
                : e.getReason() == null ? "" : e.getReason());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ModelAndView badRequest(IllegalArgumentException e, Locale locale) {
        return page(HttpStatus.BAD_REQUEST, said(e, locale));
    }

    /**
     * The sentence a page shows for a refusal: in the reader's language when it is a {@link Refused} (or caused by
     * one), else the exception's own message. Forms that say it beside themselves use this too.
     */
    public static String said(Throwable e, Locale locale) {
        if (e instanceof Refused r) return r.in(locale);
        if (e.getCause() instanceof Refused r) return r.in(locale);
        return e.getMessage() == null ? "" : e.getMessage();
    }

    /** A status answer whose sentence is a refusal: the API says it in English, the pages in the reader's language. */
    public static ResponseStatusException status(HttpStatus status, Refused reason) {
        return new ResponseStatusException(status, reason.getMessage(), reason);
    }

    @ExceptionHandler({TypeMismatchException.class, MissingServletRequestParameterException.class})
    public ModelAndView badParameter(Exception e) {
        return page(HttpStatus.BAD_REQUEST, sentence(e));
    }

    /** A parameter error in one sentence. */
    static String sentence(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return "the parameter '" + m.getName() + "' has a wrong value: '" + m.getValue() + "'";
        }
        if (e instanceof TypeMismatchException t) return "'" + t.getValue() + "' is not a valid " + t.getPropertyName() + ".";
        if (e instanceof MissingServletRequestParameterException m) return "the parameter '" + m.getParameterName() + "' is missing";
        return "The request is not valid.";
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView mv = new ModelAndView("error");
        mv.setStatus(status);
        mv.addObject("status", status.value());
        mv.addObject("message", Text.capped(message));
        return mv;
    }
}
