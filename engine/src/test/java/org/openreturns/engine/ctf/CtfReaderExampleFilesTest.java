package org.openreturns.engine.ctf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** The two example files of reference/ctf.md §8, read field by field. */
class CtfReaderExampleFilesTest {

    private static final String EYFSP = "ctf/example-eyfsp/8012000_FSP_801LLLL_001.xml";
    private static final String KS2 = "ctf/example-ks2/8012000_KS2_801LLLL_001.xml";

    @Test
    void readsEveryHeaderValueOfTheEyfspExample() throws Exception {
        CtfHeader h = TestCtf.read(TestCtf.resource(EYFSP)).header();

        assertThat(h.ctfVersion()).isEqualTo("24.0");
        assertThat(h.majorVersion()).isEqualTo(24);
        assertThat(h.dateTime()).isEqualTo("2025-06-20T14:05:31");
        assertThat(h.documentQualifier()).isEqualTo("partial");
        assertThat(h.supplierId()).isEqualTo("Example MIS");
        assertThat(h.sourceLa()).isEqualTo("801");
        assertThat(h.sourceEstab()).isEqualTo("2000");
        assertThat(h.sourceUrn()).isEqualTo("199999");
        assertThat(h.schoolName()).isEqualTo("Example Primary School");
        assertThat(h.academicYear()).isEqualTo("2024");
        assertThat(h.academicYearStart()).isEqualTo(2024);
        assertThat(h.destLa()).isEqualTo("801");
        assertThat(h.destEstab()).isEqualTo("LLLL");
        assertThat(h.dfeNumber()).isEqualTo("8012000");
    }

    @Test
    void readsEachEyfspPupilWithAllSeventeenElgs() throws Exception {
        TestCtf.Read read = TestCtf.read(TestCtf.resource(EYFSP));

        assertThat(read.pupils()).hasSize(2);
        CtfPupil amara = read.pupils().get(0);
        assertThat(amara.upn()).isEqualTo("X801200024101");
        assertThat(amara.surname()).isEqualTo("Okafor");
        assertThat(amara.forename()).isEqualTo("Amara");
        assertThat(amara.dob()).isEqualTo("2019-11-03");
        assertThat(amara.sex()).isEqualTo("F");
        assertThat(amara.ncYearActual()).isEqualTo("R");
        assertThat(amara.line()).isEqualTo(15);
        assertThat(amara.assessments()).hasSize(17);
        assertThat(amara.assessments()).allSatisfy(a -> {
            assertThat(a.stage()).isEqualTo("FSP");
            assertThat(a.locale()).isEqualTo("ENG");
            assertThat(a.year()).isEqualTo("2025");
            assertThat(a.method()).isEqualTo("TA");
            assertThat(a.resultStatus()).isEqualTo("R");
            assertThat(a.resultQualifier()).isNull();
        });
        assertThat(amara.assessments()).extracting(StageAssessment::component, StageAssessment::result)
                .contains(tuple("E01", "2"), tuple("E07", "1"), tuple("E10", "1"), tuple("E17", "2"));
        StageAssessment e07 = amara.assessments().get(6);
        assertThat(e07.subject()).isEqualTo("PHY");
        assertThat(e07.line()).isEqualTo(26);

        CtfPupil zofia = read.pupils().get(1);
        assertThat(zofia.upn()).isEqualTo("L80120002410C");
        assertThat(zofia.surname()).isEqualTo("Nowak-Smith");
        assertThat(zofia.forename()).isEqualTo("Zofia");
        assertThat(zofia.dob()).isEqualTo("2020-05-17");
        assertThat(zofia.line()).isEqualTo(39);
        assertThat(zofia.assessments()).extracting(StageAssessment::subject, StageAssessment::component,
                StageAssessment::result).containsExactly(tuple("COM", "E01", "A"), tuple("EXP", "E17", "A"));
    }

    @Test
    void readsTheKs2ExampleIncludingTheMtcHistoryAndAccentedName() throws Exception {
        TestCtf.Read read = TestCtf.read(TestCtf.resource(KS2));

        assertThat(read.header().dateTime()).isEqualTo("2025-06-24T09:12:00");
        assertThat(read.header().academicYear()).isEqualTo("2024");
        assertThat(read.pupils()).extracting(CtfPupil::upn, CtfPupil::forename, CtfPupil::surname, CtfPupil::dob,
                CtfPupil::sex, CtfPupil::ncYearActual).containsExactly(
                        tuple("E801200018301", "Rohan", "Patel", "2013-10-09", "M", "6"),
                        tuple("U801200018302", "Siân", "O'Brien", "2014-03-28", "F", "6"));

        CtfPupil rohan = read.pupils().get(0);
        assertThat(rohan.assessments()).extracting(StageAssessment::stage, StageAssessment::year,
                StageAssessment::subject, StageAssessment::method, StageAssessment::component,
                StageAssessment::resultQualifier, StageAssessment::result).containsExactly(
                        tuple("KS2", "2025", "ENG", "TA", "WRIT", null, "GDS"),
                        tuple("KS2", "2025", "SCI", "TA", "SCI", null, "EXS"),
                        tuple("KS2", "2023", "MAT", "TT", "MTC", "MT", "23"));
        assertThat(rohan.assessments().get(2).line()).isEqualTo(24);
        assertThat(rohan.assessments().get(2).codeTuple()).isEqualTo("KS2-MAT-MTC-TT-MT");

        assertThat(read.pupils().get(1).assessments()).extracting(StageAssessment::component, StageAssessment::result)
                .containsExactly(tuple("READ", "PK6"), tuple("WRIT", "PK5"), tuple("MAT", "PK6"), tuple("SCI", "HNM"));
    }
}
