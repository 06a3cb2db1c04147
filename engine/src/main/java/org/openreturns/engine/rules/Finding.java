package org.openreturns.engine.rules;

/**
 * One thing a check found. {@code upn} and {@code item} are null for file-level findings; {@code line} is the line in
 * the file where the pupil or result starts, 0 when there is none.
 */
public record Finding(Severity severity, String code, String upn, String item, String message, int line) {
}
