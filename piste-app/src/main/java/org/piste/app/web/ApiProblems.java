package org.piste.app.web;

import jakarta.servlet.http.HttpServletRequest;
import org.piste.app.accounts.AccountRefusal;
import org.piste.app.cases.CaseRefusal;
import org.piste.app.network.UnknownEntityException;
import org.piste.ingest.ImportException;
import org.piste.ingest.ProfileException;
import org.piste.normal.Text;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one error shape of the API: RFC 9457 problem details ({@code application/problem+json}: status, title, detail),
 * with the sentence also as {@code error}, the member earlier clients read. Unknown things 404, refused 403, bad
 * requests, files and parameters 400, a change that would leave no enabled admin 409. Cases refused by
 * need-to-know are audited. Consulted before {@link PageProblems}, and only for REST controllers.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
public class ApiProblems {
    private final WebAudit audit;

    public ApiProblems(WebAudit audit) {
        this.audit = audit;
    }

    @ExceptionHandler({NotFound.class, UnknownEntityException.class, AccountRefusal.NoSuchUser.class})
    public ResponseEntity<ProblemDetail> notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** A case the user may not see, answered as missing and written to the audit trail. */
    @ExceptionHandler(CaseRefusal.NotFound.class)
    public ResponseEntity<ProblemDetail> caseNotFound(CaseRefusal.NotFound e, HttpServletRequest request) {
        audit.refused(request, PageProblems.HIDDEN_CASE);
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(CaseRefusal.Forbidden.class)
    public ResponseEntity<ProblemDetail> forbidden(CaseRefusal.Forbidden e, HttpServletRequest request) {
        audit.refused(request, PageProblems.CASE_CHANGE);
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** A change that would leave no enabled admin. */
    @ExceptionHandler(AccountRefusal.LastAdmin.class)
    public ResponseEntity<ProblemDetail> conflict(AccountRefusal.LastAdmin e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, ImportException.class, ProfileException.class})
    public ResponseEntity<ProblemDetail> badRequest(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        return problem(e.getStatusCode(), e.getReason() == null ? "" : e.getReason());
    }

    /** Spring's own request errors (missing part or parameter, unreadable body, wrong parameter type...). */
    @ExceptionHandler({ServletRequestBindingException.class, MissingServletRequestPartException.class,
            TypeMismatchException.class, HttpMessageNotReadableException.class, BindException.class,
            HttpMediaTypeNotSupportedException.class, MultipartException.class})
    public ResponseEntity<ProblemDetail> request(Exception e) {
        if (e instanceof HttpMessageNotReadableException) {
            return problem(HttpStatus.BAD_REQUEST, "the request body is not the JSON object this call expects");
        }
        if (e instanceof MethodArgumentTypeMismatchException || !(e instanceof ErrorResponse r) || r.getBody().getDetail() == null) {
            return problem(HttpStatus.BAD_REQUEST, PageProblems.sentence(e));
        }
        return problem(r.getStatusCode(), r.getBody().getDetail());
    }

    /** The answer; a sentence quoting a huge value is {@linkplain Text#capped cut}. */
    static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String whole) {
        String sentence = Text.capped(whole);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, sentence);
        body.setProperty("error", sentence);
        return ResponseEntity.status(status).body(body);
    }
}
