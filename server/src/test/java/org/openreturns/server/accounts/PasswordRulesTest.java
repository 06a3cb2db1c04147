package org.openreturns.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules for a new password, at their edges. */
class PasswordRulesTest {

    @Test
    void twelveCharactersAreEnoughElevenAreNot() {
        assertThat(PasswordRules.check("abcdefghijkl", "abcdefghijkl", "a@example.org")).isEmpty();
        assertThat(PasswordRules.check("abcdefghijk", "abcdefghijk", "a@example.org"))
                .containsEntry("password", "Password must be 12 characters or more");
    }

    @Test
    void bcryptsSeventyTwoByteLimitIsCountedInUtf8() {
        assertThat(PasswordRules.check("a".repeat(72), "a".repeat(72), null)).isEmpty();
        assertThat(PasswordRules.check("a".repeat(73), "a".repeat(73), null))
                .containsEntry("password", "Password must be 72 characters or fewer");
        String accented = "é".repeat(37);
        assertThat(PasswordRules.check(accented, accented, null)).containsKey("password");
    }

    @Test
    void theEmailAddressInAnyCaseIsNotAPassword() {
        assertThat(PasswordRules.check("Someone@Example.org", "Someone@Example.org", "someone@example.org"))
                .containsEntry("password", "Password must not be your email address");
    }

    @Test
    void emailAddressesMustLookLikeOne() {
        assertThat(PasswordRules.emailError("name@example.com")).isNull();
        assertThat(PasswordRules.emailError(" ")).isEqualTo("Enter an email address");
        assertThat(PasswordRules.emailError("name@example")).contains("correct format");
        assertThat(PasswordRules.emailError("a b@example.com")).contains("correct format");
        assertThat(PasswordRules.emailError("x".repeat(250) + "@example.com")).contains("correct format");
    }
}
