package org.openreturns.engine.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.measures.Fixtures.context;
import static org.openreturns.engine.measures.Fixtures.measure;
import static org.openreturns.engine.measures.Fixtures.pupil;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.measures.MeasureBook.Definition;

/**
 * How the measures are reported (issue 10 items 8 and 9): rounded as the DfE publishes them, the MTC average hidden
 * with its cohort, and each definition saying how its denominator is chosen.
 */
class ReportedMeasuresTest {

    private static Map<String, Definition> definitions(Collection collection, MeasureSettings settings) {
        return MeasureBook.definitions(collection, settings).stream()
                .collect(Collectors.toMap(Definition::id, d -> d));
    }

    @Test
    void percentagesAreShownAsTheDfePublishesThem() {
        // Whole numbers for phonics, KS2 and MTC; EYFSP to 1 dp; averages to 1 dp (reference/rules.md §3).
        Map<String, Definition> eyfsp = definitions(Collection.EYFSP, MeasureSettings.defaults());
        assertThat(eyfsp.get("eyfsp.gld").shown(67.25)).isEqualByComparingTo(new BigDecimal("67.3"));
        assertThat(eyfsp.get("eyfsp.avgElgsExpected").shown(14.04)).isEqualByComparingTo(new BigDecimal("14.0"));
        assertThat(definitions(Collection.PHONICS, MeasureSettings.defaults()).get("phonics.y1MetPercent")
                .shown(79.5)).isEqualByComparingTo(new BigDecimal("80"));
        assertThat(definitions(Collection.KS2_TA, MeasureSettings.defaults()).get("ks2.writingExsPlus").decimals())
                .isZero();
        Map<String, Definition> mtc = definitions(Collection.MTC, MeasureSettings.defaults());
        assertThat(mtc.get("mtc.full25Percent").decimals()).isZero();
        assertThat(mtc.get("mtc.averageScore").decimals()).isEqualTo(1);
        assertThat(mtc.get("mtc.averageScore").shown(null)).isNull();
    }

    @Test
    void theMtcAverageIsSuppressedWithItsCohort() {
        // Three eligible pupils, none of whom took the check: "no pupils" beside a suppressed 0% would give it away.
        MeasureBook book = new MeasureBook(new Suppression(5));
        MeasureValue average = measure(book, context(Collection.MTC), "mtc.averageScore",
                pupil(Collection.MTC, "MTC", "A"), pupil(Collection.MTC, "MTC", "A"),
                pupil(Collection.MTC, "MTC", "B"));
        MeasureValue took = book.results().stream().filter(v -> v.school() == null
                && v.id().equals("mtc.tookCheckPercent")).findFirst().orElseThrow();

        assertThat(took.suppressed()).isTrue();
        assertThat(average.suppressed()).isTrue();
    }

    @Test
    void eachDefinitionSaysHowItsDenominatorIsChosen() {
        for (Collection c : Collection.values()) {
            for (Definition d : MeasureBook.definitions(c, MeasureSettings.defaults())) {
                assertThat(d.denominator()).as(d.id()).isNotBlank();
            }
        }
        assertThat(definitions(Collection.EYFSP, MeasureSettings.defaults()).get("eyfsp.gld").denominator())
                .contains("all 17 at A").contains("left out");
        assertThat(definitions(Collection.EYFSP, new MeasureSettings(true)).get("eyfsp.gld").denominator())
                .contains("all 17 at A").contains("counted");
    }

    @Test
    void theDefaultDefinitionsAreThoseOfTheDefaultSettings() {
        List<Definition> plain = MeasureBook.definitions(Collection.EYFSP);
        assertThat(plain).isEqualTo(MeasureBook.definitions(Collection.EYFSP, MeasureSettings.defaults()));
    }
}
