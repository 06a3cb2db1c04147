package org.openreturns.engine.ctf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small CTF documents for tests, with the element names of ctf.md §2-§4. UPNs are the invented, valid ones of
 * ctf.md §6, so that the common rules stay quiet unless a test wants them to speak.
 */
public final class TestCtf {

    public static final String UPN_1 = "X801200024101";
    public static final String UPN_2 = "L801200024102";
    public static final String UPN_3 = "E801200018301";

    private TestCtf() {
    }

    /** A header of school 801/2000 with the given CTF version and AcademicYear; null leaves the element out. */
    public static String header(String version, String academicYear) {
        return "<Header><DocumentName>Common Transfer File</DocumentName>"
                + (version == null ? "" : "<CTFversion>" + version + "</CTFversion>")
                + "<DateTime>2026-06-20T14:05:31</DateTime><DocumentQualifier>partial</DocumentQualifier>"
                + "<SupplierID>Test MIS</SupplierID><SourceSchool><LEA>801</LEA><Estab>2000</Estab><URN>199999</URN>"
                + "<SchoolName>Example Primary School</SchoolName>"
                + (academicYear == null ? "" : "<AcademicYear>" + academicYear + "</AcademicYear>")
                + "</SourceSchool><DestSchool><LEA>801</LEA><Estab>LLLL</Estab></DestSchool></Header>";
    }

    /** A whole document: declaration, CTfile, the header, then the pupils. */
    public static String file(String header, String... pupils) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CTfile>\n" + header + "\n<CTFpupilData>\n"
                + String.join("\n", pupils) + "\n</CTFpupilData>\n</CTfile>\n";
    }

    /** A 2025/26 file (CTF 25, AcademicYear 2025). */
    public static String file2026(String... pupils) {
        return file(header("25.0", "2025"), pupils);
    }

    public static String pupil(String upn, String ncYear, String... keyStages) {
        return "<Pupil><UPN>" + upn + "</UPN><Surname>Okafor</Surname><Forename>Amara</Forename>"
                + "<DOB>" + dobFor(ncYear) + "</DOB><Sex>F</Sex>"
                + "<BasicDetails><NCyearActual>" + ncYear + "</NCyearActual></BasicDetails>"
                + "<StageAssessments>" + String.join("", keyStages) + "</StageAssessments></Pupil>";
    }

    /** A date of birth inside the normal range of the year group for 2025/26. */
    private static String dobFor(String ncYear) {
        int n = ncYear.equals("R") ? 0 : Integer.parseInt(ncYear);
        return (2020 - n) + "-01-15";
    }

    public static String keyStage(String stage, String... assessments) {
        return "<KeyStage><Stage>" + stage + "</Stage>" + String.join("", assessments) + "</KeyStage>";
    }

    public static String result(int year, String subject, String method, String component, String qualifier,
            String result) {
        return "<StageAssessment><Locale>ENG</Locale><Year>" + year + "</Year><Subject>" + subject + "</Subject>"
                + "<Method>" + method + "</Method><Component>" + component + "</Component>"
                + "<ResultStatus>R</ResultStatus>"
                + (qualifier == null ? "" : "<ResultQualifier>" + qualifier + "</ResultQualifier>")
                + "<Result>" + result + "</Result></StageAssessment>";
    }

    /** The 17 ELGs of the 2022 EYFS Profile, all with the same result, as the FSP key stage. */
    public static String eyfsp(int year, String value) {
        return eyfsp("FSP", "TA", year, value);
    }

    public static String eyfsp(String stage, String method, int year, String value) {
        String[] areas = {"COM", "COM", "PSE", "PSE", "PSE", "PHY", "PHY", "LIT", "LIT", "LIT", "MAT", "MAT", "UTW",
            "UTW", "UTW", "EXP", "EXP"};
        List<String> results = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            results.add(result(year, areas[i], method, String.format("E%02d", i + 1), null, value));
        }
        return keyStage(stage, results.toArray(String[]::new));
    }

    public static String phonics(int year, String mark) {
        return keyStage("KS1", result(year, "PHO", "TT", "CHK", null, mark));
    }

    public static String ks1(int year) {
        return keyStage("KS1", result(year, "ENG", "TA", "READ", null, "EXS"), result(year, "ENG", "TA", "WRIT", null,
                "EXS"), result(year, "MAT", "TA", "MAT", null, "EXS"), result(year, "SCI", "TA", "SCI", null, "EXS"));
    }

    public static String ks2(int year) {
        return keyStage("KS2", result(year, "ENG", "TA", "WRIT", null, "EXS"), result(year, "SCI", "TA", "SCI", null,
                "EXS"));
    }

    public static String mtc(int year, String score) {
        return keyStage("KS2", result(year, "MAT", "TT", "MTC", "MT", score));
    }

    public static InputStream utf8(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    public static InputStream resource(String path) {
        InputStream in = TestCtf.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new UncheckedIOException(new IOException("No test resource " + path));
        }
        return in;
    }

    /** Reads a whole document with a default reader: the header and every pupil. */
    public static Read read(InputStream in) throws CtfReadException {
        return read(new CtfReader(), in);
    }

    public static Read read(CtfReader reader, InputStream in) throws CtfReadException {
        try (CtfStream stream = reader.open(in)) {
            List<CtfPupil> pupils = new ArrayList<>();
            CtfPupil p;
            while ((p = stream.next()) != null) {
                pupils.add(p);
            }
            return new Read(stream.header(), pupils);
        }
    }

    public static Read read(String xml) throws CtfReadException {
        return read(utf8(xml));
    }

    public record Read(CtfHeader header, List<CtfPupil> pupils) {
        public CtfPupil only() {
            if (pupils.size() != 1) {
                throw new AssertionError("expected one pupil, found " + pupils.size());
            }
            return pupils.get(0);
        }
    }
}
