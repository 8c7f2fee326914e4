package org.piste.app.web.imports;

import org.piste.ingest.ImportException;
import org.piste.ingest.ProfileException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Errors of the import and referral APIs as JSON with one sentence: 400 for a bad request or file, 403, 404. */
@RestControllerAdvice(basePackages = {"org.piste.app.web.imports", "org.piste.app.web.referrals"},
        annotations = org.springframework.web.bind.annotation.RestController.class)
public class IntakeApiErrors {
    public record ApiError(int status, String error) {}

    @ExceptionHandler({IllegalArgumentException.class, ImportException.class, ProfileException.class})
    public ResponseEntity<ApiError> badRequest(RuntimeException e) {
        return of(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<ApiError> status(ResponseStatusException e) {
        return of(e.getStatusCode(), e.getReason() == null ? "" : e.getReason());
    }

    /** Spring's own request errors (missing part, unreadable JSON, wrong parameter type...). */
    @ExceptionHandler({ServletRequestBindingException.class, MissingServletRequestPartException.class,
            TypeMismatchException.class, HttpMessageNotReadableException.class, BindException.class,
            HttpMediaTypeNotSupportedException.class, MultipartException.class})
    public ResponseEntity<ApiError> spring(Exception e) {
        if (e instanceof ErrorResponse r && r.getBody().getDetail() != null) {
            return of(r.getStatusCode(), r.getBody().getDetail());
        }
        return of(HttpStatus.BAD_REQUEST, e instanceof TypeMismatchException t
                ? "'" + t.getValue() + "' is not a valid " + t.getPropertyName() + "." : "The request is not valid.");
    }

    private static ResponseEntity<ApiError> of(HttpStatusCode status, String sentence) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), sentence));
    }
}
