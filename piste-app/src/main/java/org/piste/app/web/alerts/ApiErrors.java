package org.piste.app.web.alerts;

import org.piste.app.web.NotFound;
import org.piste.app.web.entities.EntitiesApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** JSON errors with a sentence for the alerts and entities API: unknown things 404, bad parameters 400. */
@RestControllerAdvice(assignableTypes = {AlertsApi.class, EntitiesApi.class})
public class ApiErrors {
    public record Problem(int status, String error) {}

    @ExceptionHandler(NotFound.class)
    public ResponseEntity<Problem> notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Problem> badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            org.springframework.http.converter.HttpMessageNotReadableException.class})
    public ResponseEntity<Problem> badParameter(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, PageErrors.sentence(e));
    }

    private static ResponseEntity<Problem> problem(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new Problem(status.value(), message));
    }

}
