package org.openreturns.engine.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.ctf.CtfStream;
import org.openreturns.engine.ctf.StageAssessment;

/**
 * The generated results, read back from the files with the reader and counted here independently of the generator,
 * are close to the national figures (reference/rules.md §3).
 */
class SyntheticDistributionTest {

    private static final String YEAR = "2026";
    private static final int THRESHOLD_2026 = 31;
    private static final String FIGURES = "all figures: %s";

    @TempDir
    static Path dir;

    private static final Map<String, Counter> counts = new HashMap<>();

    @BeforeAll
    static void generateAndCount() throws IOException {
        GenerationResult result = SyntheticLa.generate(SyntheticLaTest.settings(40, 60, 0), dir);
        CtfReader reader = new CtfReader();
        for (Path file : result.files()) {
            String type = file.getFileName().toString().substring(8, 11);
            try (InputStream in = Files.newInputStream(file); CtfStream stream = reader.open(in)) {
                CtfPupil p;
                while ((p = stream.next()) != null) {
                    count(type, p);
                }
            } catch (org.openreturns.engine.ctf.CtfReadException e) {
                throw new AssertionError(file + ": " + e.getMessage(), e);
            }
        }
    }

    private static void count(String type, CtfPupil p) {
        Map<String, String> now = new HashMap<>();
        for (StageAssessment a : p.assessments()) {
            if (YEAR.equals(a.year())) {
                now.merge(a.component(), a.result(), (x, y) -> x);
            }
        }
        switch (type) {
            case "FSP" -> {
                int expected = 0;
                boolean gld = true;
                for (int i = 1; i <= 17; i++) {
                    boolean two = "2".equals(now.get(String.format("E%02d", i)));
                    expected += two ? 1 : 0;
                    gld &= i > 12 || two;
                }
                counter("gld").add(gld);
                counter("all17").add(expected == 17);
                counter("elgs").add(expected);
            }
            case "PHO" -> {
                if (!"1".equals(p.ncYearActual())) {
                    counter("y2").add(1);
                    return;
                }
                counter("y1").add(1);
                String r = now.get("CHK");
                if (r.matches("\\d+")) {
                    counter("y1Met").add(Integer.parseInt(r) >= THRESHOLD_2026);
                } else if (!r.equals("L")) {
                    // Met = Wa / (Wa + Wt + A + D + Q); L is left out (reference/rules.md §3).
                    counter("y1Met").add(false);
                }
            }
            case "KS2" -> {
                String w = now.get("WRIT");
                if (!w.equals("L") && !w.equals("F") && !w.equals("P")) {
                    counter("writExs").add(w.equals("EXS") || w.equals("GDS"));
                    counter("writGds").add(w.equals("GDS"));
                    counter("sciExs").add("EXS".equals(now.get("SCI")));
                    counter("readTa").add(now.containsKey("READ"));
                }
            }
            case "CTF" -> {
                String r = now.get("MTC");
                counter("mtcEligible").add(1);
                if (r.matches("\\d+")) {
                    counter("mtcScore").add(Integer.parseInt(r));
                    counter("mtc25").add(r.equals("25"));
                } else {
                    counter("mtc25").add(false);
                }
            }
            default -> {
            }
        }
    }

    @Test
    void eyfspNearNationalFigures() {
        assertThat(counter("gld").mean()).as(FIGURES, new TreeMap<>(counts)).isBetween(0.63, 0.73);
        assertThat(counter("all17").mean()).as(FIGURES, new TreeMap<>(counts)).isBetween(0.60, 0.70);
        assertThat(counter("elgs").mean()).as(FIGURES, new TreeMap<>(counts)).isBetween(13.0, 15.0);
    }

    @Test
    void phonicsYear1NearEightyPercentAndAboutOneRetakeInTen() {
        assertThat(counter("y1Met").mean()).as(FIGURES, new TreeMap<>(counts)).isBetween(0.75, 0.85);
        double retakes = counter("y2").n / counter("y1").n;
        assertThat(retakes).as(FIGURES, new TreeMap<>(counts)).isBetween(0.06, 0.14);
    }

    @Test
    void ks2WritingAndScienceNearNationalFigures() {
        assertThat(counter("writExs").mean()).as(FIGURES, new TreeMap<>(counts)).isBetween(0.67, 0.77);
        assertThat(counter("writGds").mean()).as(FIGURES, new TreeMap<>(counts)).isBetween(0.10, 0.16);
        assertThat(counter("sciExs").mean()).as(FIGURES, new TreeMap<>(counts)).isBetween(0.77, 0.85);
        assertThat(counter("readTa").mean()).as(FIGURES, new TreeMap<>(counts)).isBetween(0.03, 0.07);
    }

    @Test
    void mtcAverageNearTwentyOneWithAboutAThirdScoringFull() {
        assertThat(counter("mtcScore").mean()).as(FIGURES, new TreeMap<>(counts)).isBetween(20.0, 22.0);
        assertThat(counter("mtc25").mean()).as(FIGURES, new TreeMap<>(counts)).isBetween(0.33, 0.41);
    }

    private static Counter counter(String name) {
        return counts.computeIfAbsent(name, k -> new Counter());
    }

    private static final class Counter {
        double n;
        double sum;

        void add(boolean yes) {
            add(yes ? 1 : 0);
        }

        void add(double value) {
            n++;
            sum += value;
        }

        double mean() {
            assertThat(n).isPositive();
            return sum / n;
        }

        @Override
        public String toString() {
            return String.format("%.4f of %d", sum / n, (long) n);
        }
    }
}
