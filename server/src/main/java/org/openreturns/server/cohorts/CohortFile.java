package org.openreturns.server.cohorts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfReadException;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.ctf.CtfStream;

/**
 * Reads one file of an expected cohort into rows, as it gives them: a CTF (the school census export of one school,
 * read by the engine's CTF reader, the school taken from its header) or a CSV with a header row naming its columns.
 * Whether a row's UPN, school and year group are usable is the loader's question, so that every refusal is worded
 * in one place.
 */
final class CohortFile {

    /** A pupil as the file lists it; {@code school} is the file's own text for the school (URN or DfE number). */
    record Row(String file, int line, String upn, String school, String ncYear, String surname, String forename) {
    }

    /** Why a whole file cannot be used; the message is for the LA's page. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Column labels each value may go by, compared without case, spaces or punctuation. */
    private static final List<String> UPN = List.of("upn", "uniquepupilnumber");
    private static final List<String> SCHOOL = List.of("school", "urn", "laestab", "dfenumber", "dfeno", "schoolurn",
            "establishment");
    private static final List<String> LA = List.of("la", "lea", "lacode", "lanumber");
    private static final List<String> ESTAB = List.of("estab", "establishmentnumber", "estabnumber");
    private static final List<String> YEAR = List.of("ncyear", "ncyearactual", "yeargroup", "year", "nationalcurriculumyear");
    private static final List<String> SURNAME = List.of("surname", "lastname", "familyname", "legalsurname");
    private static final List<String> FORENAME = List.of("forename", "firstname", "givenname", "legalforename");

    private CohortFile() {
    }

    static List<Row> read(String fileName, byte[] content) throws Refused {
        if (new String(content, StandardCharsets.ISO_8859_1).strip().replace("\u00EF\u00BB\u00BF", "").isEmpty()) {
            throw new Refused(fileName + " is empty. Export the list again and load the new file.");
        }
        return looksLikeXml(content) ? ctf(fileName, content) : csv(fileName, content);
    }

    private static List<Row> ctf(String fileName, byte[] content) throws Refused {
        List<Row> rows = new ArrayList<>();
        try (CtfStream in = new CtfReader().open(new ByteArrayInputStream(content))) {
            CtfHeader h = in.header();
            String school = h.sourceLa() != null && h.sourceEstab() != null ? h.sourceLa() + h.sourceEstab()
                    : h.sourceUrn();
            if (school == null) {
                throw new Refused(fileName + " does not say which school its pupils are at: its header has no "
                        + "SourceSchool LEA and Estab, nor a URN. Export the CTF again from the school's MIS.");
            }
            CtfPupil p;
            while ((p = in.next()) != null) {
                rows.add(new Row(fileName, p.line(), p.upn(), school, p.ncYearActual(), p.surname(), p.forename()));
            }
        } catch (CtfReadException e) {
            if (isCensusReturn(content)) {
                throw new Refused(fileName + " is a school census return (CBDS XML), which the portal does not read. "
                        + "Export the pupils from the school's MIS as a CTF, or make a CSV with the columns UPN, "
                        + "School and NC year, and load that.");
            }
            String where = e.line() > 0 ? " (line " + e.line() + ")" : "";
            throw new Refused(fileName + " cannot be read as a CTF" + where + ": " + e.getMessage());
        }
        return rows;
    }

    private static List<Row> csv(String fileName, byte[] content) throws Refused {
        String text = decode(content);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).get()
                .parse(new StringReader(text))) {
            Map<String, Integer> header = parser.getHeaderMap();
            String upn = column(header, UPN);
            String school = column(header, SCHOOL);
            String la = column(header, LA);
            String estab = column(header, ESTAB);
            String year = column(header, YEAR);
            if (upn == null || (school == null && (la == null || estab == null)) || year == null) {
                throw new Refused(fileName + " is not a cohort list the portal can read: its first line must name "
                        + "the columns, with at least UPN, School (the URN or the DfE number, LA and establishment "
                        + "number, such as 3302001) and NC year. Its first line has: "
                        + String.join(", ", header.keySet()) + ".");
            }
            String surname = column(header, SURNAME);
            String forename = column(header, FORENAME);
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                String schoolText = school != null ? value(r, school) : join(value(r, la), value(r, estab));
                rows.add(new Row(fileName, (int) r.getRecordNumber() + 1, value(r, upn), schoolText, value(r, year),
                        surname == null ? null : value(r, surname), forename == null ? null : value(r, forename)));
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new Refused(fileName + " is not a readable CSV file (" + e.getMessage() + "). Save it again as "
                    + "CSV from your spreadsheet and load it.");
        }
    }

    private static String column(Map<String, Integer> header, List<String> names) {
        for (String label : header.keySet()) {
            if (label != null && names.contains(label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""))) {
                return label;
            }
        }
        return null;
    }

    private static String value(CSVRecord r, String column) {
        if (!r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String join(String la, String estab) {
        return la == null || estab == null ? null : la + estab;
    }

    /** UTF-8 (with or without a byte order mark) as most tools save CSV, else Excel's windows-1252. */
    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(content, WINDOWS_1252);
        }
    }

    private static boolean looksLikeXml(byte[] content) {
        int i = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        return i < content.length && content[i] == '<';
    }

    private static boolean isCensusReturn(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains("<Message") && (head.contains("<CollectionDetails") || head.contains("<SchoolInformation")
                || head.contains("<PupilOnRoll"));
    }
}
