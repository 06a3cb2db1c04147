package org.openreturns.engine.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Names for synthetic pupils and schools, from the word lists in {@code openreturns/synthetic/}: a mix such as a
 * large English city's schools show, with the apostrophes, hyphens and accents (Siân, O'Brien, Nowak-Smith) that
 * real returns carry and that software must not mangle.
 */
final class NameBank {

    private static final NameBank BUNDLED = new NameBank(load("forenames-female.txt"), load("forenames-male.txt"),
            load("surnames.txt"), load("places.txt"));

    private static final String[] SAINTS = {"Mary", "Joseph", "Peter", "Paul", "Anne", "Chad", "Michael", "Thomas",
        "Margaret", "Patrick", "Bernadette", "Francis", "John", "Catherine", "Edmund", "Alban"};

    private final List<String> girls;
    private final List<String> boys;
    private final List<String> surnames;
    private final List<String> places;

    private NameBank(List<String> girls, List<String> boys, List<String> surnames, List<String> places) {
        this.girls = girls;
        this.boys = boys;
        this.surnames = surnames;
        this.places = places;
    }

    static NameBank bundled() {
        return BUNDLED;
    }

    String forename(Random r, String sex) {
        List<String> list = "F".equals(sex) ? girls : boys;
        return list.get(r.nextInt(list.size()));
    }

    /** Mostly one surname; about one in thirty double-barrelled, as MIS records them. */
    String surname(Random r) {
        String s = surnames.get(r.nextInt(surnames.size()));
        if (r.nextInt(30) == 0 && s.indexOf('-') < 0) {
            String other = surnames.get(r.nextInt(surnames.size()));
            if (!other.equals(s) && other.indexOf('-') < 0) {
                return s + "-" + other;
            }
        }
        return s;
    }

    /** A plausible primary school name; the caller keeps names unique. */
    String schoolName(Random r) {
        String place = places.get(r.nextInt(places.size()));
        return switch (r.nextInt(10)) {
            case 0 -> "St " + SAINTS[r.nextInt(SAINTS.length)] + "'s Catholic Primary School";
            case 1 -> "St " + SAINTS[r.nextInt(SAINTS.length)] + "'s Church of England Primary School";
            case 2 -> place + " Junior and Infant School";
            case 3 -> place + " Primary Academy";
            case 4 -> place + " Community Primary School";
            case 5 -> place + " Primary School and Nursery";
            default -> place + " Primary School";
        };
    }

    private static List<String> load(String name) {
        String path = "openreturns/synthetic/" + name;
        InputStream in = NameBank.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing from the engine");
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(path + " holds no names");
        }
        return List.copyOf(out);
    }
}
