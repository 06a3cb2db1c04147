package org.openreturns.engine.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * LA codes that may appear as characters 2-4 of a UPN: today's and retired ones, since a UPN keeps the code of the LA
 * that allocated it (ctf.md §11). Data, not code: {@code openreturns/la-codes.txt}.
 */
public final class LaCodes {

    private static final LaCodes BUNDLED = load();

    private final Set<String> codes;

    public LaCodes(Set<String> codes) {
        this.codes = Set.copyOf(codes);
    }

    public static LaCodes bundled() {
        return BUNDLED;
    }

    public boolean isKnown(String code) {
        return codes.contains(code);
    }

    private static LaCodes load() {
        InputStream in = LaCodes.class.getClassLoader().getResourceAsStream("openreturns/la-codes.txt");
        if (in == null) {
            throw new IllegalStateException("openreturns/la-codes.txt is missing from the engine");
        }
        Set<String> codes = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    codes.add(t.substring(0, 3));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LaCodes(codes);
    }
}
