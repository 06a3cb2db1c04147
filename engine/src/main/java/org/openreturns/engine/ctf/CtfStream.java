package org.openreturns.engine.ctf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An open CTF: its header, then its pupils one at a time. Elements are matched by local name, so a stray default
 * namespace does no harm; unknown elements are skipped; {@code Sex} and the older {@code Gender} are both read.
 */
public final class CtfStream implements AutoCloseable {

    /**
     * A pupil's whole record, every year of every key stage, is a few hundred results at most; a pupil is held in
     * memory while it is read, so a file that gives one pupil millions is refused rather than allowed to fill it.
     */
    static final int MAX_RESULTS_PER_PUPIL = 10_000;

    private final InputStream in;
    private final LimitedInputStream counter;
    private final long maxBytes;
    private final XMLStreamReader xml;
    private final CtfHeader header;
    private boolean inPupilData;
    private boolean finished;

    CtfStream(XMLInputFactory factory, InputStream in, LimitedInputStream counter, long maxBytes)
            throws CtfReadException {
        this.in = in;
        this.counter = counter;
        this.maxBytes = maxBytes;
        try {
            this.xml = factory.createXMLStreamReader(in);
        } catch (XMLStreamException | RuntimeException e) {
            throw translate(e);
        }
        this.header = readUpToPupils();
    }

    public CtfHeader header() {
        return header;
    }

    /** Bytes read so far from the underlying file. */
    public long bytesRead() {
        return counter.count();
    }

    /**
     * The next pupil, or null after the last one. Reading to the end also checks that the file is complete and
     * well-formed, so a truncated file is reported even when it breaks off after the last pupil.
     */
    public CtfPupil next() throws CtfReadException {
        if (finished) {
            return null;
        }
        try {
            while (inPupilData) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (is("Pupil")) {
                        return readPupil();
                    }
                    skipElement();
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    inPupilData = false;
                }
            }
            drainToEnd();
            finished = true;
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            // Unchecked exceptions too: whatever a crafted file makes the parser throw, the caller gets one message.
            throw translate(e);
        }
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing the parser never matters to the result
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // as above
        }
    }

    private CtfHeader readUpToPupils() throws CtfReadException {
        try {
            int event = xml.getEventType();
            while (event != XMLStreamConstants.START_ELEMENT) {
                if (event == XMLStreamConstants.DTD) {
                    throw new CtfReadException("The file contains a DOCTYPE declaration. CTF files never have one, and "
                            + "one can be used to attack the systems that read it, so the file was refused. Export "
                            + "the CTF again from your MIS.", xml.getLocation().getLineNumber(),
                            xml.getLocation().getColumnNumber());
                }
                if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw new CtfReadException("The file has no XML elements. Export the CTF again from your MIS.");
                }
                event = xml.next();
            }
            String root = xml.getLocalName();
            if (!root.equalsIgnoreCase("CTfile")) {
                Location at = xml.getLocation();
                throw new CtfReadException("This is an XML file but not a Common Transfer File: its first element is <"
                        + root + ">, where a CTF has <CTfile>. Export a CTF from your MIS and send that.",
                        at.getLineNumber(), at.getColumnNumber());
            }
            HeaderBuilder h = new HeaderBuilder();
            boolean sawHeader = false;
            while (true) {
                event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (is("Header")) {
                        readHeader(h);
                        sawHeader = true;
                    } else if (is("CTFpupilData")) {
                        inPupilData = true;
                        break;
                    } else {
                        skipElement();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    finished = true;
                    drainToEnd();
                    break;
                }
            }
            if (!sawHeader) {
                throw new CtfReadException("The file has no <Header>, so it cannot be told which school and year it "
                        + "is for. Export the CTF again from your MIS; do not edit it by hand.");
            }
            return h.build();
        } catch (XMLStreamException | RuntimeException e) {
            throw translate(e);
        }
    }

    private void readHeader(HeaderBuilder h) throws XMLStreamException {
        int depth = 1;
        String section = null;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (depth == 1 && (name.equals("SourceSchool") || name.equals("DestSchool"))) {
                    section = name;
                    depth++;
                    continue;
                }
                if (depth == 1) {
                    switch (name) {
                        case "CTFversion" -> h.ctfVersion = text();
                        case "DateTime" -> h.dateTime = text();
                        case "DocumentQualifier" -> h.documentQualifier = text();
                        case "SupplierID" -> h.supplierId = text();
                        default -> skipElement();
                    }
                } else if (depth == 2 && "SourceSchool".equals(section)) {
                    switch (name) {
                        case "LEA" -> h.sourceLa = text();
                        case "Estab" -> h.sourceEstab = text();
                        case "URN" -> h.sourceUrn = text();
                        case "SchoolName" -> h.schoolName = text();
                        case "AcademicYear" -> h.academicYear = text();
                        default -> skipElement();
                    }
                } else if (depth == 2 && "DestSchool".equals(section)) {
                    switch (name) {
                        case "LEA" -> h.destLa = text();
                        case "Estab" -> h.destEstab = text();
                        default -> skipElement();
                    }
                } else {
                    skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == 1) {
                    section = null;
                }
            }
        }
    }

    private CtfPupil readPupil() throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        String upn = null;
        String surname = null;
        String forename = null;
        String dob = null;
        String sex = null;
        String ncYear = null;
        List<StageAssessment> assessments = new ArrayList<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "UPN" -> upn = text();
                case "Surname" -> surname = text();
                case "Forename" -> forename = text();
                case "DOB" -> dob = text();
                case "Sex", "Gender" -> sex = upper(text());
                case "NCyearActual" -> ncYear = text();
                case "BasicDetails" -> {
                    String found = readNcYear();
                    if (found != null) {
                        ncYear = found;
                    }
                }
                case "StageAssessments" -> readStageAssessments(assessments);
                default -> skipElement();
            }
        }
        return new CtfPupil(upn, surname, forename, dob, sex, ncYear, List.copyOf(assessments), line);
    }

    /** Reads a {@code BasicDetails} block for the one element of it that the returns need. */
    private String readNcYear() throws XMLStreamException {
        String ncYear = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (is("NCyearActual")) {
                    ncYear = text();
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return ncYear;
    }

    private void readStageAssessments(List<StageAssessment> out) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (is("KeyStage")) {
                readKeyStage(out);
            } else {
                skipElement();
            }
        }
    }

    private void readKeyStage(List<StageAssessment> out) throws XMLStreamException {
        String stage = null;
        List<String[]> pending = null;
        List<Integer> pendingLines = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (is("Stage")) {
                stage = upper(text());
            } else if (is("StageAssessment")) {
                int line = xml.getLocation().getLineNumber();
                if (out.size() + (pending == null ? 0 : pending.size()) >= MAX_RESULTS_PER_PUPIL) {
                    throw new XMLStreamException("Result count limit (" + MAX_RESULTS_PER_PUPIL + " for one pupil) "
                            + "exceeded", xml.getLocation());
                }
                String[] values = readAssessmentValues();
                if (stage != null) {
                    out.add(assessment(stage, values, line));
                } else {
                    // Stage normally comes first, but nothing in the format forces it; keep the order of the file.
                    if (pending == null) {
                        pending = new ArrayList<>();
                        pendingLines = new ArrayList<>();
                    }
                    pending.add(values);
                    pendingLines.add(line);
                }
            } else {
                skipElement();
            }
        }
        if (pending != null) {
            for (int i = 0; i < pending.size(); i++) {
                out.add(assessment(stage, pending.get(i), pendingLines.get(i)));
            }
        }
    }

    private static StageAssessment assessment(String stage, String[] v, int line) {
        return new StageAssessment(stage, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], line);
    }

    /** Locale, Year, Subject, Method, Component, ResultStatus, ResultQualifier, Result, in that order. */
    private String[] readAssessmentValues() throws XMLStreamException {
        String[] v = new String[8];
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return v;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "Locale" -> v[0] = upper(text());
                case "Year" -> v[1] = text();
                case "Subject" -> v[2] = upper(text());
                case "Method" -> v[3] = upper(text());
                case "Component" -> v[4] = upper(text());
                case "ResultStatus" -> v[5] = upper(text());
                case "ResultQualifier" -> v[6] = upper(text());
                case "Result" -> v[7] = text();
                default -> skipElement();
            }
        }
    }

    private boolean is(String localName) {
        return localName.equals(xml.getLocalName());
    }

    /**
     * The trimmed text of a leaf element, or null when it is empty. Read piece by piece rather than with
     * {@code getElementText()}, which Woodstox does not hold to the text-length limit: one huge text node must be
     * refused before it fills memory.
     */
    private String text() throws XMLStreamException {
        String name = xml.getLocalName();
        StringBuilder t = new StringBuilder();
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (t.length() + xml.getTextLength() > SafeXml.MAX_TEXT_LENGTH) {
                        throw new XMLStreamException("Text size limit (" + SafeXml.MAX_TEXT_LENGTH + ") exceeded in <"
                                + name + ">", xml.getLocation());
                    }
                    t.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String s = t.toString().strip();
                    return s.isEmpty() ? null : s;
                }
                case XMLStreamConstants.START_ELEMENT -> throw new XMLStreamException("<" + name + "> should hold "
                        + "only text but holds an element <" + xml.getLocalName() + ">", xml.getLocation());
                default -> {
                    // comments and processing instructions inside a value are not part of it
                }
            }
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    /** Skips the element the reader is on, with everything inside it. */
    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private void drainToEnd() throws XMLStreamException {
        while (xml.hasNext()) {
            xml.next();
        }
    }

    private CtfReadException translate(Exception e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof LimitedInputStream.LimitExceeded) {
                return CtfReader.tooLarge(maxBytes);
            }
            cause = cause.getCause();
        }
        // Some of Woodstox's limit checks throw without a location; where the parser stopped is the best we know.
        Location at = e instanceof XMLStreamException x && x.getLocation() != null ? x.getLocation() : location();
        return XmlProblem.describe(e, at);
    }

    private Location location() {
        try {
            return xml == null ? null : xml.getLocation();
        } catch (RuntimeException ignored) {
            return null;
        }
    }

    /** Collects header values in whatever order the file gives them. */
    private static final class HeaderBuilder {
        String ctfVersion;
        String dateTime;
        String documentQualifier;
        String supplierId;
        String sourceLa;
        String sourceEstab;
        String sourceUrn;
        String schoolName;
        String academicYear;
        String destLa;
        String destEstab;

        CtfHeader build() {
            return new CtfHeader(ctfVersion, dateTime, documentQualifier, supplierId, sourceLa, sourceEstab, sourceUrn,
                    schoolName, academicYear, destLa, destEstab);
        }
    }
}
