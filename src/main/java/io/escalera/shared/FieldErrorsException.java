package io.escalera.shared;

import java.util.List;

/**
 * A user's input was refused by a rule only the service can check (uniqueness, policy). Carries message keys per
 * field so that a form can show them next to the right field and keep what was typed.
 */
public class FieldErrorsException extends RuntimeException {

    public record FieldError(String field, String messageKey) {
    }

    private final List<FieldError> errors;

    public FieldErrorsException(List<FieldError> errors) {
        super("Invalid input: " + errors);
        this.errors = List.copyOf(errors);
    }

    public static FieldErrorsException of(String field, String messageKey) {
        return new FieldErrorsException(List.of(new FieldError(field, messageKey)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
