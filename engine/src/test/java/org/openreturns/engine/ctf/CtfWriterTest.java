package org.openreturns.engine.ctf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CtfWriterTest {

    private static final CtfHeader HEADER = new CtfHeader("25.0", "2026-06-20T14:05:31", "partial", "Example MIS",
            "801", "2000", "199999", "St Mary's & St John's Primary School", "2025", "801", "LLLL");

    private static StageAssessment row(String stage, String year, String subject, String method, String component,
            String qualifier, String result) {
        return new StageAssessment(stage, "ENG", year, subject, method, component, "R", qualifier, result, 0);
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws Exception {
        CtfPupil first = new CtfPupil("U801200018302", "O'Brien", "Siân", "2014-03-28", "F", "6", List.of(
                row("KS2", "2026", "ENG", "TA", "WRIT", null, "EXS"),
                row("KS2", "2026", "SCI", "TA", "SCI", null, "HNM"),
                row("KS2", "2024", "MAT", "TT", "MTC", "MT", "23"),
                row("KS1", "2019", "PHO", "TT", "CHK", "NY", "Wa")), 0);
        CtfPupil second = new CtfPupil("E801200018301", "Nowak-Smith", "Zofia <Zosia>", "2013-10-09", "M", "6",
                List.of(), 0);

        byte[] bytes = write(first, second);
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").contains("<CTfile>")
                .contains("<DocumentName>Common Transfer File</DocumentName>").contains("Siân");
        try (CtfStream stream = new CtfReader().open(new ByteArrayInputStream(bytes))) {
            assertThat(stream.header()).isEqualTo(HEADER);
            List<CtfPupil> read = new ArrayList<>();
            CtfPupil p;
            while ((p = stream.next()) != null) {
                read.add(p);
            }
            assertThat(read).hasSize(2);
            assertThat(withoutLines(read.get(0))).isEqualTo(first);
            assertThat(withoutLines(read.get(1))).isEqualTo(second);
        }
    }

    @Test
    void characteristicsAreWrittenAndReadBack() throws Exception {
        CtfPupil full = new CtfPupil("U801200018302", "O'Brien", "Siân", "2014-03-28", "F", "6",
                List.of(row("KS2", "2026", "ENG", "TA", "WRIT", null, "EXS")), 0, new CtfPupil.Characteristics(
                        List.of(new CtfPupil.FsmPeriod("2019-09-01", "2021-03-31", "ENG"),
                                new CtfPupil.FsmPeriod("2024-01-10", null, "ENG")),
                        List.of(new CtfPupil.SenRecord("2020-09-01", "K"), new CtfPupil.SenRecord("2023-01-05", "E")),
                        "POL", true));
        CtfPupil emptyBlocks = new CtfPupil("E801200018301", "Nowak", "Zofia", "2013-10-09", "M", null, List.of(), 0,
                new CtfPupil.Characteristics(List.of(), List.of(), "", false));
        CtfPupil none = new CtfPupil("A801200018303", "Ali", "Musa", "2014-01-02", "M", "6", List.of(), 0);

        byte[] bytes = write(full, emptyBlocks, none);
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(text).contains("<LanguageType>F</LanguageType><Language>POL</Language>")
                .contains("<InCare>true</InCare>").contains("<SENprovision>E</SENprovision>")
                .contains("<FSMstartDate>2024-01-10</FSMstartDate>");
        try (CtfStream stream = new CtfReader().open(new ByteArrayInputStream(bytes))) {
            assertThat(withoutLines(stream.next())).isEqualTo(full);
            assertThat(withoutLines(stream.next())).isEqualTo(emptyBlocks);
            CtfPupil read = stream.next();
            assertThat(read.characteristics()).isNull();
            assertThat(withoutLines(read)).isEqualTo(none);
            assertThat(stream.next()).isNull();
        }
    }

    @Test
    void brokenValuesAreWrittenAsGiven() throws Exception {
        CtfPupil broken = new CtfPupil("", "Smith", null, "2019-02-30", "", "R", List.of(
                row("FSP", "2026", "COM", "TA", "E01", null, ""),
                row("FSP", "2026", "COM", "TA", "E02", null, "3")), 0);

        byte[] bytes = write(broken);
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(text).contains("<UPN/>").doesNotContain("<Forename").contains("<Result/>");
        try (CtfStream stream = new CtfReader().open(new ByteArrayInputStream(bytes))) {
            CtfPupil p = stream.next();
            assertThat(p.upn()).isNull();
            assertThat(p.forename()).isNull();
            assertThat(p.sex()).isNull();
            assertThat(p.dob()).isEqualTo("2019-02-30");
            assertThat(p.assessments()).extracting(StageAssessment::result).containsExactly(null, "3");
            assertThat(stream.next()).isNull();
        }
    }

    @Test
    void versionIsTheStartYearsLastTwoDigits() {
        assertThat(CtfWriter.versionFor(2025)).isEqualTo("25.0");
        assertThat(CtfWriter.versionFor(2009)).isEqualTo("09.0");
    }

    @Test
    void countsTheBytesItWrites() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CtfWriter writer = CtfWriter.open(out, HEADER);
        long before = writer.bytesWritten();
        writer.write(new CtfPupil("U801200018302", "Ali", "Musa", "2014-03-28", "M", "6", List.of(), 0));
        assertThat(writer.bytesWritten()).isGreaterThan(before);
        writer.close();
        assertThat(writer.bytesWritten()).isEqualTo(out.size());
    }

    private static byte[] write(CtfPupil... pupils) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CtfWriter writer = CtfWriter.open(out, HEADER)) {
            for (CtfPupil p : pupils) {
                writer.write(p);
            }
        }
        return out.toByteArray();
    }

    private static CtfPupil withoutLines(CtfPupil p) {
        List<StageAssessment> rows = p.assessments().stream().map(a -> new StageAssessment(a.stage(), a.locale(),
                a.year(), a.subject(), a.method(), a.component(), a.resultStatus(), a.resultQualifier(), a.result(), 0))
                .toList();
        return new CtfPupil(p.upn(), p.surname(), p.forename(), p.dob(), p.sex(), p.ncYearActual(), rows, 0,
                p.characteristics());
    }
}
