package org.openreturns.engine.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.engine.ctf.TestCtf.UPN_1;
import static org.openreturns.engine.ctf.TestCtf.UPN_2;
import static org.openreturns.engine.ctf.TestCtf.file2026;
import static org.openreturns.engine.ctf.TestCtf.keyStage;
import static org.openreturns.engine.ctf.TestCtf.mtc;
import static org.openreturns.engine.ctf.TestCtf.pupil;
import static org.openreturns.engine.ctf.TestCtf.result;
import static org.openreturns.engine.ctf.TestCtf.utf8;
import static org.openreturns.engine.measures.Fixtures.find;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.validation.FileReport;
import org.openreturns.engine.validation.ReturnValidator;
import org.openreturns.engine.validation.ValidationOptions;

/**
 * Measures count what a clean return would (issue 10 items 3 and 4): a UPN's repeat record once, an item with an
 * error not at all, and conflicting results by the DfE's precedence rather than file order.
 */
class CountedOnceTest {

    private static FileReport validate(MeasureBook book, String xml) {
        return new ReturnValidator(new CtfReader(), ValidationOptions.defaults()).validate("t.xml", utf8(xml),
                book.school("school"));
    }

    private static List<MeasureValue> count(String xml) {
        MeasureBook book = new MeasureBook(Suppression.none());
        validate(book, xml);
        return book.results();
    }

    @Test
    void aUpnTwiceInOneFileIsCountedOnce() {
        List<MeasureValue> values = count(file2026(
                pupil(UPN_1, "4", mtc(2026, "25")),
                pupil(UPN_1, "4", mtc(2026, "25")),
                pupil(UPN_2, "4", mtc(2026, "10"))));

        MeasureValue full = find(values, "school", "mtc.full25Percent");
        assertThat(full.denominator()).isEqualTo(2);
        assertThat(full.numerator()).isEqualTo(1);
    }

    @Test
    void anItemWithAnErrorIsLeftOutOfItsMeasureButTheOtherItemsCount() {
        // Writing recorded as both EXS and WTS (result.conflict, an error); science is sound.
        List<MeasureValue> values = count(file2026(pupil(UPN_1, "6", keyStage("KS2",
                result(2026, "ENG", "TA", "WRIT", null, "EXS"), result(2026, "ENG", "TA", "WRIT", null, "WTS"),
                result(2026, "SCI", "TA", "SCI", null, "EXS")))));

        assertThat(find(values, "school", "ks2.writingExsPlus").denominator()).isZero();
        assertThat(find(values, "school", "ks2.scienceExs").denominator()).isEqualTo(1);
    }

    @Test
    void anEyfspGoalRecordedTwiceWithDifferentResultsIsAnErrorAndNotCountedTowardsGld() {
        List<String> elgs = new ArrayList<>();
        String[] areas = {"COM", "COM", "PSE", "PSE", "PSE", "PHY", "PHY", "LIT", "LIT", "LIT", "MAT", "MAT", "UTW",
            "UTW", "UTW", "EXP", "EXP"};
        for (int i = 0; i < 17; i++) {
            elgs.add(result(2026, areas[i], "TA", String.format("E%02d", i + 1), null, "2"));
        }
        elgs.add(result(2026, "LIT", "TA", "E10", null, "1"));
        MeasureBook book = new MeasureBook(Suppression.none());
        FileReport report = validate(book, file2026(pupil(UPN_1, "R", keyStage("FSP", elgs.toArray(String[]::new)))));

        assertThat(report.findings()).anyMatch(f -> f.severity() == Severity.ERROR && "E10".equals(f.item()));
        MeasureValue gld = find(book.results(), "school", "eyfsp.gld");
        assertThat(gld.denominator()).isZero();
    }

    @Test
    void anMtcCodeQOrHBeatsAScoreWhateverTheOrder() {
        String scoreFirst = keyStage("KS2", result(2026, "MAT", "TT", "MTC", "MT", "25"),
                result(2026, "MAT", "TT", "MTC", "MT", "Q"));
        String codeFirst = keyStage("KS2", result(2026, "MAT", "TT", "MTC", "MT", "H"),
                result(2026, "MAT", "TT", "MTC", "MT", "25"));
        MeasureBook book = new MeasureBook(Suppression.none());
        FileReport report = validate(book, file2026(pupil(UPN_1, "4", scoreFirst), pupil(UPN_2, "4", codeFirst)));

        assertThat(report.findings()).filteredOn(f -> "MTC".equals(f.item())).extracting(Finding::severity)
                .containsOnly(Severity.QUERY).hasSize(2);
        List<MeasureValue> values = book.results();
        MeasureValue took = find(values, "school", "mtc.tookCheckPercent");
        assertThat(took.denominator()).isEqualTo(2);
        assertThat(took.numerator()).isZero();
        assertThat(find(values, "school", "mtc.full25Percent").numerator()).isZero();
        assertThat(find(values, "school", "mtc.averageScore").denominator()).isZero();
    }
}
