package org.openreturns.server.schools;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the DfE's "Get Information about Schools" CSV (reference/gias.md): windows-1252, columns found by their
 * labels in any order, about 140 of them, of which a few are used. Keeps the LA's open (or proposed) schools whose
 * phase and age range an assessment collection covers.
 */
public final class GiasImport {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Set<String> PHASES = Set.of("nursery", "primary", "middle deemed primary", "all-through",
            "not applicable");

    /** One school as the register describes it. */
    public record GiasSchool(String urn, String laCode, String estab, String name, String type, String phase,
            String status, String postcode, String headName, Integer lowAge, Integer highAge) {
    }

    /** What an import found: the schools to keep, and rows that could not be used, with the reason. */
    public record Result(List<GiasSchool> schools, List<String> problems, int otherRows) {
    }

    private GiasImport() {
    }

    public static Result read(InputStream csv, String laCode) throws IOException {
        BufferedInputStream in = new BufferedInputStream(csv);
        try (Reader reader = new InputStreamReader(in, charsetOf(in));
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            for (String required : List.of("URN", "LA (code)", "EstablishmentNumber", "EstablishmentName")) {
                if (!parser.getHeaderMap().containsKey(required)) {
                    throw new IOException("The file has no '" + required + "' column, so it is not a GIAS "
                            + "establishment download. Download 'All establishment data' from Get Information about "
                            + "Schools and try again.");
                }
            }
            List<GiasSchool> schools = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            int others = 0;
            for (CSVRecord row : parser) {
                if (!laCode.equals(get(row, "LA (code)"))) {
                    others++;
                    continue;
                }
                String status = get(row, "EstablishmentStatus (name)");
                String phase = get(row, "PhaseOfEducation (name)");
                if (status != null && status.toLowerCase(Locale.ROOT).startsWith("closed")) {
                    others++;
                    continue;
                }
                if (phase != null && !PHASES.contains(phase.toLowerCase(Locale.ROOT)) && !coversPrimaryAges(row)) {
                    others++;
                    continue;
                }
                String estab = get(row, "EstablishmentNumber");
                String urn = get(row, "URN");
                if (estab == null || !estab.matches("\\d{1,4}") || urn == null || !urn.matches("\\d{6}")) {
                    problems.add("Line " + (row.getRecordNumber() + 1) + ": URN '" + urn + "' or establishment number '"
                            + estab + "' is not valid; the school was not imported.");
                    continue;
                }
                String head = String.join(" ", nonNull(get(row, "HeadTitle (name)")),
                        nonNull(get(row, "HeadFirstName")), nonNull(get(row, "HeadLastName"))).strip();
                schools.add(new GiasSchool(urn, laCode, String.format("%04d", Integer.parseInt(estab)),
                        get(row, "EstablishmentName"), get(row, "TypeOfEstablishment (name)"), phase, status,
                        get(row, "Postcode"), head.isEmpty() ? null : head, age(row, "StatutoryLowAge"),
                        age(row, "StatutoryHighAge")));
            }
            return new Result(schools, problems, others);
        }
    }

    /**
     * GIAS downloads are windows-1252; a file someone opened in Excel and saved as "CSV UTF-8" starts with a UTF-8
     * byte order mark instead, which is skipped so the first column is still called "URN".
     */
    private static Charset charsetOf(BufferedInputStream in) throws IOException {
        in.mark(3);
        byte[] start = in.readNBytes(3);
        if (start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
                && (start[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        in.reset();
        return WINDOWS_1252;
    }

    /** Special schools and alternative provision have no primary phase but may teach primary-age pupils. */
    private static boolean coversPrimaryAges(CSVRecord row) {
        String low = get(row, "StatutoryLowAge");
        return low != null && low.matches("\\d+") && Integer.parseInt(low) <= 10;
    }

    private static Integer age(CSVRecord row, String label) {
        String v = get(row, label);
        return v != null && v.matches("\\d{1,2}") ? Integer.valueOf(v) : null;
    }

    private static String get(CSVRecord row, String label) {
        if (!row.isMapped(label) || !row.isSet(label)) {
            return null;
        }
        String v = row.get(label).strip();
        return v.isEmpty() ? null : v;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
