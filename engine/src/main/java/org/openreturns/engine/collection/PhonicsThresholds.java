package org.openreturns.engine.collection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The phonics threshold mark per year, from {@code openreturns/phonics-thresholds.properties}: 32 for 2012-2025, 31
 * for 2026 (STA, phonics screening check 2026 materials, 22 June 2026), and unknown for later years until set.
 */
public final class PhonicsThresholds {

    private static final Properties BUNDLED = load();

    private PhonicsThresholds() {
    }

    /** The published threshold for the year, or null when it is not known yet. */
    public static Integer forYear(AcademicYear year) {
        String value = BUNDLED.getProperty(Integer.toString(year.summerYear()));
        return value == null ? null : Integer.valueOf(value.strip());
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = PhonicsThresholds.class.getClassLoader()
                .getResourceAsStream("openreturns/phonics-thresholds.properties")) {
            if (in == null) {
                throw new IllegalStateException("openreturns/phonics-thresholds.properties is missing");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
