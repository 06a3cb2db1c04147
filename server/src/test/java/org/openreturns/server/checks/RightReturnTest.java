package org.openreturns.server.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.server.checks.RightReturn.Refusal;

class RightReturnTest {

    private static final RightReturn REQUEST = new RightReturn("330", "2001", "Oak Primary", Collection.PHONICS, 2026);
    private static final AcademicYear Y2026 = new AcademicYear(2026);

    private static CtfHeader from(String la, String estab, String name) {
        return new CtfHeader("25.0", null, null, null, la, estab, null, name, "2025", null, null);
    }

    private static Refusal refusal(CtfHeader header, Collection collection, AcademicYear year) {
        return REQUEST.judge("return.xml", header, collection, year).orElseThrow();
    }

    @Test
    void theRequestedSchoolsReturnForTheYearIsAccepted() {
        assertThat(REQUEST.judge("return.xml", from("330", "2001", "Oak Primary"), Collection.PHONICS, Y2026))
                .isEmpty();
    }

    @Test
    void whatTheFileDoesNotSayIsNotHeldAgainstIt() {
        assertThat(REQUEST.judge("a.xml", from(null, null, null), null, null)).isEmpty();
        assertThat(REQUEST.judge("a.xml", from("330", null, null), Collection.PHONICS, null)).isEmpty();
        assertThat(REQUEST.judge("a.xml", from(null, "9999", "Elm"), Collection.PHONICS, Y2026)).isEmpty();
    }

    @Test
    void anotherSchoolsFileIsRefusedNamingBoth() {
        Refusal r = refusal(from("330", "2002", "Elm Primary"), Collection.PHONICS, Y2026);
        assertThat(r.code()).isEqualTo("upload.wrongSchool");
        assertThat(r.message()).isEqualTo("return.xml is the Phonics screening check return for 2026 from Elm "
                + "Primary (330/2002), but this request is for the Phonics screening check 2026 of Oak Primary "
                + "(330/2001). Export the Phonics screening check CTF for 2026 from your MIS and upload that.");
        assertThat(refusal(from("331", "2001", null), Collection.PHONICS, Y2026).message())
                .contains(" from school (331/2001), ");
    }

    @Test
    void anotherCollectionIsRefused() {
        Refusal r = refusal(from("330", "2001", "Oak Primary"), Collection.MTC, Y2026);
        assertThat(r.code()).isEqualTo("upload.wrongCollection");
        assertThat(r.message()).startsWith("return.xml is the Multiplication tables check return for 2026 from Oak "
                + "Primary (330/2001), but this request is for the Phonics screening check 2026");
    }

    @Test
    void anotherYearIsRefused() {
        Refusal r = refusal(from("330", "2001", "Oak Primary"), Collection.PHONICS, new AcademicYear(2025));
        assertThat(r.code()).isEqualTo("upload.wrongYear");
        assertThat(r.message()).startsWith("return.xml is the Phonics screening check return for 2025 from");
    }

    @Test
    void aFileWithNoResultsForAnotherYearSaysSo() {
        Refusal r = refusal(from(null, null, null), null, new AcademicYear(2025));
        assertThat(r.code()).isEqualTo("upload.wrongYear");
        assertThat(r.message()).startsWith("return.xml is the a CTF with no assessment results for 2025, but this "
                + "request is for");
    }

    @Test
    void theSchoolIsNamedFirstWhenSeveralThingsAreWrong() {
        assertThat(refusal(from("330", "2002", "Elm"), Collection.MTC, new AcademicYear(2025)).code())
                .isEqualTo("upload.wrongSchool");
        assertThat(refusal(from("330", "2001", "Oak"), Collection.MTC, new AcademicYear(2025)).code())
                .isEqualTo("upload.wrongCollection");
        assertThat(refusal(from(null, null, null), Collection.MTC, new AcademicYear(2025)).message())
                .startsWith("return.xml is the Multiplication tables check return for 2025, but");
    }
}
