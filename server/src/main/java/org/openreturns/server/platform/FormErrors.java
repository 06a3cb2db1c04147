package org.openreturns.server.platform;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.BindParam;

/**
 * A form record's errors as the pages show them (fragments/forms.html): the id of the input to focus mapped to one
 * message, in the order the record declares its components, which is the page's order. Bean Validation names a
 * field by its component; the page knows it by its request parameter name ({@code @BindParam}, like
 * {@code opensOn-day}), so the map uses that. Errors a validator adds under a parameter name are kept as they are.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static Map<String, String> of(Class<? extends Record> form, BindingResult result, MessageSource messages) {
        List<String> ids = ids(form);
        List<FieldError> errors = new ArrayList<>(result.getFieldErrors());
        errors.sort(Comparator.comparingInt(e -> position(ids, id(form, e.getField()))));
        Map<String, String> shown = new LinkedHashMap<>();
        for (FieldError error : errors) {
            shown.putIfAbsent(id(form, error.getField()), messages.getMessage(error, LocaleContextHolder.getLocale()));
        }
        return shown;
    }

    /**
     * Adds an error under a page field id (a date's {@code name-day}, which is no property of the record), its
     * words the message {@code code} with these arguments.
     */
    public static void reject(BindingResult result, String fieldId, String code, Object... args) {
        result.addError(new FieldError(result.getObjectName(), fieldId, null, false, new String[] {code}, args,
                null));
    }

    private static int position(List<String> ids, String id) {
        int at = ids.indexOf(id);
        return at < 0 ? ids.size() : at;
    }

    private static String id(Class<? extends Record> form, String field) {
        RecordComponent[] components = form.getRecordComponents();
        Parameter[] parameters = canonicalParameters(form);
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(field)) {
                BindParam name = parameters[i].getAnnotation(BindParam.class);
                return name == null ? field : name.value();
            }
        }
        return field;
    }

    private static List<String> ids(Class<? extends Record> form) {
        List<String> ids = new ArrayList<>();
        for (RecordComponent component : form.getRecordComponents()) {
            ids.add(id(form, component.getName()));
        }
        return ids;
    }

    private static Parameter[] canonicalParameters(Class<? extends Record> form) {
        Class<?>[] types = java.util.Arrays.stream(form.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            return form.getDeclaredConstructor(types).getParameters();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("A record always has its canonical constructor", e);
        }
    }
}
