package org.piste.app.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * {@link ParameterCheck} for JSON request bodies: JSON may carry a NUL as {@code \u0000}, which the database cannot
 * store (it failed there as a 500). Every text of the body, in records, lists and maps, is checked once it is read;
 * the answer is a 400 naming the field.
 */
@ControllerAdvice
final class BodyCheck extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        check("body", body);
        return body;
    }

    private static void check(String field, Object value) {
        switch (value) {
            case null -> { }
            case String text when text.indexOf('\0') >= 0 -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "The field '" + field + "' contains a NUL character.");
            case Optional<?> optional -> optional.ifPresent(v -> check(field, v));
            case Collection<?> items -> items.forEach(v -> check(field, v));
            case Map<?, ?> map -> map.forEach((k, v) -> {
                check(field, k);
                check(String.valueOf(k), v);
            });
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    check(component.getName(), read(component.getAccessor(), record));
                }
            }
            default -> { }
        }
    }

    private static Object read(Method accessor, Record record) {
        try {
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }
}
