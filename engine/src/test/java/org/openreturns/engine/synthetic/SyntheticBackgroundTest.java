package org.openreturns.engine.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.ctf.CtfStream;
import org.openreturns.engine.measures.PupilGroup;

/** Generated pupils carry characteristics near the national shares, read back through the reader. */
class SyntheticBackgroundTest {

    @Test
    void sharesAreNearTheNationalOnes(@TempDir Path dir) throws Exception {
        GenerationResult result = SyntheticLa.generate(SyntheticLaTest.settings(10, 60, 0), dir);
        Map<PupilGroup, Integer> counts = new EnumMap<>(PupilGroup.class);
        int pupils = 0;
        for (Path file : result.files()) {
            try (InputStream in = Files.newInputStream(file); CtfStream stream = new CtfReader().open(in)) {
                CtfPupil p;
                while ((p = stream.next()) != null) {
                    pupils++;
                    assertThat(p.characteristics()).isNotNull();
                    for (PupilGroup g : PupilGroup.of(p, SyntheticLaTest.settings(1, 1, 0).year())) {
                        counts.merge(g, 1, Integer::sum);
                    }
                }
            }
        }
        int total = pupils;
        java.util.function.Function<PupilGroup, Double> share = g -> counts.getOrDefault(g, 0) / (double) total;
        assertThat(counts.get(PupilGroup.DISADVANTAGED) + counts.get(PupilGroup.NOT_DISADVANTAGED)).isEqualTo(total);
        assertThat(share.apply(PupilGroup.DISADVANTAGED)).isBetween(0.20, 0.28);
        assertThat(share.apply(PupilGroup.SEN_SUPPORT)).isBetween(0.09, 0.15);
        assertThat(share.apply(PupilGroup.EHC_PLAN)).isBetween(0.015, 0.045);
        assertThat(share.apply(PupilGroup.OTHER_THAN_ENGLISH)).isBetween(0.17, 0.23);
        assertThat(share.apply(PupilGroup.LANGUAGE_UNKNOWN)).isBetween(0.0, 0.03);
    }
}
