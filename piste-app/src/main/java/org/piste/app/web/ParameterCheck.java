package org.piste.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses, before any page or API call reads them, request parameters (query and form) that are not text: bytes that
 * are not UTF-8, or a NUL (the database stores none, so it failed later as a 500). The answer is a 400 in the one error
 * shape ({@link ApiProblems}, {@link PageProblems}).
 */
final class ParameterCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (InvalidParameterException e) {
            throw refused("A parameter of the request is not UTF-8 text.");
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) throw refused("A parameter's name contains a NUL character.");
            for (String value : parameter.getValue()) {
                if (value.indexOf('\0') >= 0) {
                    throw refused("The parameter '" + parameter.getKey() + "' contains a NUL character.");
                }
            }
        }
        return true;
    }

    private static ResponseStatusException refused(String sentence) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, sentence);
    }
}
