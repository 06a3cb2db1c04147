package org.openreturns.server.platform;

/** One option of a form's radios or select: the value sent and the words shown (fragments/forms.html). */
public record Choice(String value, String text) {
}
