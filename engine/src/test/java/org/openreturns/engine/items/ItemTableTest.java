package org.openreturns.engine.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.ctf.StageAssessment;
import org.openreturns.engine.ctf.TestCtf;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.validation.FileReport;
import org.openreturns.engine.validation.ReturnValidator;
import org.openreturns.engine.validation.ValidationOptions;

/** The codes-to-item table is data an LA can extend (ctf.md §10); these are the rules of that data. */
class ItemTableTest {

    private static StageAssessment sa(String stage, String subject, String component, String method,
            String qualifier) {
        return new StageAssessment(stage, "ENG", "2026", subject, method, component, "R", qualifier, "x", 1);
    }

    private static ItemTable parse(String csv) throws IOException {
        return ItemTable.parse("test.csv", new StringReader(csv));
    }

    @Test
    void aliasesInAnyCellAllMatchTheSameItem() throws IOException {
        ItemTable table = parse("EYFSP,E01,FSP|EYF,COM,E01,TA|FA,*,Listening\n");

        for (String stage : List.of("FSP", "EYF")) {
            for (String method : List.of("TA", "FA")) {
                assertThat(table.match(sa(stage, "COM", "E01", method, null)))
                        .isEqualTo(new AssessmentItem(Collection.EYFSP, "E01", "Listening"));
            }
        }
        assertThat(table.match(sa("KS1", "COM", "E01", "TA", null))).isNull();
        assertThat(table.match(sa("FSP", "COM", "E02", "TA", null))).isNull();
    }

    @Test
    void starQualifierMatchesAnyQualifierOrNoneWhileANamedOneMatchesOnlyItself() throws IOException {
        ItemTable table = parse("""
                MTC,MTC,KS2,MAT,MTC,TT,MT,Multiplication tables check
                PHONICS,CHK,KS1,PHO,CHK,TT,*,Phonics screening check
                """);

        assertThat(table.match(sa("KS2", "MAT", "MTC", "TT", "MT"))).extracting(AssessmentItem::id).isEqualTo("MTC");
        assertThat(table.match(sa("KS2", "MAT", "MTC", "TT", null))).isNull();
        assertThat(table.match(sa("KS2", "MAT", "MTC", "TT", "XX"))).isNull();
        assertThat(table.match(sa("KS1", "PHO", "CHK", "TT", null))).extracting(AssessmentItem::id).isEqualTo("CHK");
        assertThat(table.match(sa("KS1", "PHO", "CHK", "TT", "NY"))).extracting(AssessmentItem::id).isEqualTo("CHK");
    }

    @Test
    void skipsCommentsAndBlankLinesAndKeepsCommasInLabels() throws IOException {
        ItemTable table = parse("""
                # a comment, with commas, that is not a row
                   # an indented comment

                EYFSP,E14,FSP,UTW,E14,TA,*,People, culture and communities
                ks2_ta , writ , ks2 , eng , writ , ta , * , Writing teacher assessment
                KS1,SCI,KS1,SCI,SCI,TA,*
                """);

        assertThat(table.items(Collection.EYFSP)).singleElement().extracting(AssessmentItem::label)
                .isEqualTo("People, culture and communities");
        assertThat(table.items(Collection.KS2_TA)).containsExactly(
                new AssessmentItem(Collection.KS2_TA, "WRIT", "Writing teacher assessment"));
        assertThat(table.match(sa("KS2", "ENG", "WRIT", "TA", null))).extracting(AssessmentItem::id)
                .isEqualTo("WRIT");
        assertThat(table.items(Collection.KS1)).singleElement().extracting(AssessmentItem::label).isEqualTo("SCI");
        assertThat(table.items(Collection.MTC)).isEmpty();
        assertThat(table.source()).isEqualTo("test.csv");
    }

    @Test
    void aSecondRowForAnItemAddsAliasesInsteadOfASecondItem() throws IOException {
        ItemTable table = parse("""
                KS1,READ,KS1,ENG,READ,TA,*,Reading teacher assessment
                KS1,READ,KS1,ENG,RDG,TA,*,Reading teacher assessment
                """);

        assertThat(table.items(Collection.KS1)).hasSize(1);
        assertThat(table.match(sa("KS1", "ENG", "RDG", "TA", null))).isEqualTo(table.items(Collection.KS1).get(0));
    }

    @Test
    void conflictingRowsAreRejectedWithTheLineNumber() {
        String csv = """
                # header comment
                KS1,MAT,KS1,MAT,MAT,TA,*,Maths
                KS2_TA,MAT,KS1|KS2,MAT,MAT,TA,*,Maths
                """;

        assertThatThrownBy(() -> parse(csv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.csv line 3").hasMessageContaining("KS1-MAT-MAT-TA-*")
                .hasMessageContaining("already mean KS1 MAT");
    }

    @Test
    void malformedRowsAreRejectedWithTheLineNumber() {
        assertThatThrownBy(() -> parse("\nEYFSP,E01,FSP,COM\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2").hasMessageContaining("expected collection,item");
        assertThatThrownBy(() -> parse("KS9,READ,KS9,ENG,READ,TA,*,x\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1").hasMessageContaining("unknown collection KS9");
    }

    @Test
    void bundledTableHasEveryItemOfEveryCollection() {
        ItemTable table = ItemTable.forYear(AcademicYear.ofSummer(2026));

        assertThat(table.items(Collection.EYFSP)).hasSize(17).first().extracting(AssessmentItem::id).isEqualTo("E01");
        assertThat(table.items(Collection.PHONICS)).extracting(AssessmentItem::id).containsExactly("CHK");
        assertThat(table.items(Collection.KS1)).extracting(AssessmentItem::id).containsExactly("READ", "WRIT", "MAT",
                "SCI");
        assertThat(table.items(Collection.KS2_TA)).extracting(AssessmentItem::id).containsExactly("READ", "WRIT",
                "MAT", "SCI");
        assertThat(table.items(Collection.MTC)).extracting(AssessmentItem::id).containsExactly("MTC");
        assertThat(table.match(sa("KS2", "MAT", "MTC", "TT", "MT"))).extracting(AssessmentItem::collection)
                .isEqualTo(Collection.MTC);
        assertThat(table.match(sa("KS2", "MAT", "MAT", "TA", null))).extracting(AssessmentItem::collection)
                .isEqualTo(Collection.KS2_TA);
    }

    @Test
    void yearsWithoutTheirOwnTableUseTheLatestEarlierOneAndYearsBefore2022UseThe2022One() {
        ItemTable y2022 = ItemTable.forYear(AcademicYear.ofSummer(2022));

        assertThat(y2022.source()).isEqualTo("openreturns/items/2022.csv");
        assertThat(ItemTable.forYear(AcademicYear.ofSummer(2030)).source()).isEqualTo("openreturns/items/2022.csv");
        assertThat(ItemTable.forYear(AcademicYear.ofSummer(2019))).isSameAs(y2022);
    }

    @Test
    void anLasOwnTableMakesANewAliasValidate() throws IOException {
        // A MIS that writes Stage EYFS, which the bundled table does not know.
        String xml = TestCtf.file2026(TestCtf.pupil(TestCtf.UPN_1, "R", TestCtf.eyfsp("EYFS", "TA", 2026, "2")));
        ReturnValidator bundled = new ReturnValidator(new CtfReader(), ValidationOptions.defaults());

        FileReport before = bundled.validate("x.xml", TestCtf.utf8(xml));

        assertThat(before.collection()).isNull();
        assertThat(before.findings()).extracting(f -> f.code()).contains("file.noResults", "file.unmappedResults");

        StringBuilder csv = new StringBuilder();
        String[] areas = {"COM", "COM", "PSE", "PSE", "PSE", "PHY", "PHY", "LIT", "LIT", "LIT", "MAT", "MAT", "UTW",
            "UTW", "UTW", "EXP", "EXP"};
        for (int i = 1; i <= 17; i++) {
            csv.append(String.format("EYFSP,E%02d,FSP|EYF|EYFS,%s,E%02d,TA|FA,*,Goal %d%n", i, areas[i - 1], i, i));
        }
        ItemTable own = parse(csv.toString());
        List<AssessedPupil> seen = new ArrayList<>();

        FileReport after = new ReturnValidator(new CtfReader(), ValidationOptions.defaults().withItems(own))
                .validate("x.xml", TestCtf.utf8(xml), (c, p) -> seen.add(p));

        assertThat(after.collection()).isEqualTo(Collection.EYFSP);
        assertThat(after.findings()).extracting(f -> f.code()).doesNotContain("file.noResults",
                "file.unmappedResults");
        assertThat(seen).singleElement().satisfies(p -> assertThat(p.results()).hasSize(17));
    }

    @Test
    void anLasOwnTableAlsoDecidesTheYearWhenTheHeaderHasNone() throws IOException {
        String xml = TestCtf.file(TestCtf.header("25.0", null), TestCtf.pupil(TestCtf.UPN_1, "4",
                TestCtf.keyStage("KS2", TestCtf.result(2026, "MAT", "MTC", "MTC", null, "20"))));
        ItemTable own = parse("MTC,MTC,KS2,MAT,MTC,TT|MTC,*,Multiplication tables check\n");

        FileReport report = new ReturnValidator(new CtfReader(), ValidationOptions.defaults().withItems(own))
                .validate("x.xml", TestCtf.utf8(xml));

        assertThat(report.collection()).isEqualTo(Collection.MTC);
        assertThat(report.year()).isEqualTo(AcademicYear.ofSummer(2026));
    }
}
