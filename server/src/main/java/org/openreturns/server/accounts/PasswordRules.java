package org.openreturns.server.accounts;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What a new password and an e-mail address must be, with the GOV.UK error message for each field that is not. */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads no more than 72 bytes, and Spring Security refuses longer passwords rather than cut them. */
    static final int MAX_BYTES = 72;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private PasswordRules() {
    }

    /** Field id to message, in page order; empty when both fields are fine. */
    static Map<String, String> check(String password, String confirm, String email) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (password == null || password.isEmpty()) {
            errors.put("password", "Enter a password");
        } else if (password.length() < MIN_LENGTH) {
            errors.put("password", "Password must be " + MIN_LENGTH + " characters or more");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            errors.put("password", "Password must be " + MAX_BYTES + " characters or fewer");
        } else if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
            errors.put("password", "Password must not be your email address");
        }
        if (confirm == null || confirm.isEmpty()) {
            errors.put("confirm", "Confirm your password");
        } else if (!errors.containsKey("password") && !confirm.equals(password)) {
            errors.put("confirm", "Passwords must match");
        }
        return errors;
    }

    /** An error message for an e-mail address field, or null when it looks like an address. */
    static String emailError(String email) {
        if (email == null || email.isBlank()) {
            return "Enter an email address";
        }
        if (email.strip().length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
            return "Enter an email address in the correct format, like name@example.com";
        }
        return null;
    }
}
