package org.craftline.http;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * A failed constraint in a person's words: a sentence that says what to do ("Enter the date."),
 * never the validator's ("must not be null"). A constraint whose message the code wrote for people
 * (a handle's form, an O*NET code) keeps it; the framework's defaults are put in words here, the one
 * place, from the constraint and the field's name.
 */
final class ViolationWords {

    private ViolationWords() {
    }

    static String of(ConstraintViolation<?> violation, String field) {
        if (!isFrameworks(violation.getMessageTemplate())) {
            return violation.getMessage();
        }
        String name = words(field);
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        Object value = violation.getInvalidValue();
        if (constraint instanceof NotNull || constraint instanceof NotBlank || constraint instanceof NotEmpty) {
            return "Enter the " + name + ".";
        }
        if (constraint instanceof Size size) {
            return size(size, value, name);
        }
        if (constraint instanceof Min min) {
            return "Enter at least " + min.value() + " for the " + name + ".";
        }
        if (constraint instanceof Max max) {
            return "Enter at most " + max.value() + " for the " + name + ".";
        }
        return "Check the " + name + ": it " + violation.getMessage() + ".";
    }

    private static String size(Size size, Object value, String name) {
        if (value instanceof CharSequence text) {
            return text.length() > size.max()
                    ? "Shorten the " + name + " to at most " + size.max() + " characters (it has " + text.length()
                            + ")."
                    : "Enter at least " + size.min() + " characters for the " + name + ".";
        }
        int count = value instanceof Collection<?> items ? items.size()
                : value instanceof Map<?, ?> map ? map.size() : -1;
        if (count > size.max()) {
            return "Give at most " + size.max() + " " + name + " (there are " + count + ").";
        }
        if (size.min() == 1) {
            return "Add at least one " + (name.endsWith("s") ? name.substring(0, name.length() - 1) : name) + ".";
        }
        return "Give at least " + size.min() + " " + name + ".";
    }

    /** Whether the message is one of Bean Validation's or Hibernate Validator's own. */
    private static boolean isFrameworks(String template) {
        return template.startsWith("{jakarta.validation.") || template.startsWith("{org.hibernate.validator.");
    }

    /** A field's last name as words: {@code steps[0].displayName} is "display name"; the whole body, "request body". */
    static String words(String field) {
        String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[[^]]*]", "");
        if (last.isEmpty() || last.equals("body")) {
            return "request body";
        }
        return last.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
