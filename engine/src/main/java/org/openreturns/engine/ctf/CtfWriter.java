package org.openreturns.engine.ctf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a school-to-LA assessment CTF (ctf.md §2-§4) one pupil at a time, in constant memory: the header when
 * opened, each pupil as it is given, the closing tags on {@link #close()}. UTF-8, no namespace, modestly indented
 * (one StageAssessment per line, as MIS exports and the examples in ctf.md §8 lay them out).
 *
 * <p>Values are written exactly as given, so that test data can hold the mistakes schools make: a null value leaves
 * its element out, and an empty string writes an empty element (as DfE tools write {@code <UPN />}, ctf.md §7).
 */
public final class CtfWriter implements AutoCloseable {

    /** DocumentName is the same in every CTF (ctf.md §2). */
    public static final String DOCUMENT_NAME = "Common Transfer File";

    private static final XMLOutputFactory FACTORY = outputFactory();

    private final CountingOutputStream out;
    private final XMLStreamWriter xml;
    private boolean closed;

    private CtfWriter(OutputStream target, CtfHeader header) {
        this.out = new CountingOutputStream(target);
        try {
            this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            newline(0);
            xml.writeStartElement("CTfile");
            writeHeader(header);
            newline(1);
            xml.writeStartElement("CTFpupilData");
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Starts a CTF on a stream, which {@link #close()} closes; the stream is buffered here. */
    public static CtfWriter open(OutputStream out, CtfHeader header) {
        return new CtfWriter(new BufferedOutputStream(out, 64 * 1024), header);
    }

    /** Creates (or replaces) a CTF file. */
    public static CtfWriter create(Path file, CtfHeader header) throws IOException {
        return open(Files.newOutputStream(file), header);
    }

    /** The CTFversion a file made in the year gives: "NN.0", NN the last two digits of the start year (ctf.md §0). */
    public static String versionFor(int academicYearStartYear) {
        return String.format("%02d.0", academicYearStartYear % 100);
    }

    public void write(CtfPupil pupil) {
        try {
            newline(2);
            xml.writeStartElement("Pupil");
            leaf(3, "UPN", pupil.upn());
            leaf(3, "Surname", pupil.surname());
            leaf(3, "Forename", pupil.forename());
            leaf(3, "DOB", pupil.dob());
            leaf(3, "Sex", pupil.sex());
            CtfPupil.Characteristics c = pupil.characteristics();
            String firstLanguage = c == null ? null : c.firstLanguage();
            if (pupil.ncYearActual() != null || firstLanguage != null) {
                newline(3);
                xml.writeStartElement("BasicDetails");
                inline("NCyearActual", pupil.ncYearActual());
                if (firstLanguage != null) {
                    xml.writeStartElement("Languages");
                    if (!firstLanguage.isEmpty()) {
                        xml.writeStartElement("Type");
                        inline("LanguageType", "F");
                        inline("Language", firstLanguage);
                        xml.writeEndElement();
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            if (c != null) {
                writeCharacteristics(c);
            }
            if (!pupil.assessments().isEmpty()) {
                newline(3);
                xml.writeStartElement("StageAssessments");
                writeKeyStages(pupil);
                newline(3);
                xml.writeEndElement();
            }
            newline(2);
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Bytes written so far, including whatever the XML writer still holds. */
    public long bytesWritten() {
        if (closed) {
            return out.count();
        }
        try {
            xml.flush();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
        return out.count();
    }

    /** Ends the document and closes the stream. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            newline(1);
            xml.writeEndElement();
            newline(0);
            xml.writeEndElement();
            newline(0);
            xml.writeEndDocument();
            xml.close();
            out.close();
        } catch (XMLStreamException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeHeader(CtfHeader h) throws XMLStreamException {
        newline(1);
        xml.writeStartElement("Header");
        leaf(2, "DocumentName", DOCUMENT_NAME);
        leaf(2, "CTFversion", h.ctfVersion());
        leaf(2, "DateTime", h.dateTime());
        leaf(2, "DocumentQualifier", h.documentQualifier());
        leaf(2, "SupplierID", h.supplierId());
        newline(2);
        xml.writeStartElement("SourceSchool");
        leaf(3, "LEA", h.sourceLa());
        leaf(3, "Estab", h.sourceEstab());
        leaf(3, "URN", h.sourceUrn());
        leaf(3, "SchoolName", h.schoolName());
        leaf(3, "AcademicYear", h.academicYear());
        newline(2);
        xml.writeEndElement();
        newline(2);
        xml.writeStartElement("DestSchool");
        leaf(3, "LEA", h.destLa());
        leaf(3, "Estab", h.destEstab());
        newline(2);
        xml.writeEndElement();
        newline(1);
        xml.writeEndElement();
    }

    /** The blocks of a full CTF that breakdowns use, in the layout {@link CtfPupil.Characteristics} reads. */
    private void writeCharacteristics(CtfPupil.Characteristics c) throws XMLStreamException {
        if (c.inCare() != null) {
            newline(3);
            xml.writeStartElement("LookedAfter");
            inline("InCare", c.inCare().toString());
            xml.writeEndElement();
        }
        if (c.sen() != null) {
            newline(3);
            xml.writeStartElement("SENhistory");
            for (CtfPupil.SenRecord r : c.sen()) {
                xml.writeStartElement("SEN");
                inline("StartDate", r.startDate());
                inline("SENprovision", r.provision());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        if (c.fsm() != null) {
            newline(3);
            xml.writeStartElement("FSMhistory");
            for (CtfPupil.FsmPeriod f : c.fsm()) {
                xml.writeStartElement("FSMinstance");
                inline("FSMstartDate", f.startDate());
                inline("FSMendDate", f.endDate());
                inline("UKcountry", f.country());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
    }

    /** One KeyStage per run of consecutive assessments with the same Stage, in the order given. */
    private void writeKeyStages(CtfPupil pupil) throws XMLStreamException {
        String open = null;
        boolean any = false;
        for (StageAssessment a : pupil.assessments()) {
            String stage = a.stage() == null ? "" : a.stage();
            if (!any || !stage.equals(open)) {
                if (any) {
                    newline(4);
                    xml.writeEndElement();
                }
                newline(4);
                xml.writeStartElement("KeyStage");
                leaf(5, "Stage", a.stage());
                open = stage;
                any = true;
            }
            newline(5);
            xml.writeStartElement("StageAssessment");
            inline("Locale", a.locale());
            inline("Year", a.year());
            inline("Subject", a.subject());
            inline("Method", a.method());
            inline("Component", a.component());
            inline("ResultStatus", a.resultStatus());
            inline("ResultQualifier", a.resultQualifier());
            inline("Result", a.result());
            xml.writeEndElement();
        }
        if (any) {
            newline(4);
            xml.writeEndElement();
        }
    }

    private void leaf(int depth, String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        newline(depth);
        inline(name, value);
    }

    private void inline(String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        if (value.isEmpty()) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private void newline(int depth) throws XMLStreamException {
        xml.writeCharacters(INDENTS[Math.min(depth, INDENTS.length - 1)]);
    }

    private static final String[] INDENTS = indents(8);

    private static String[] indents(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = "\n" + "  ".repeat(i);
        }
        return s;
    }

    private static XMLOutputFactory outputFactory() {
        XMLOutputFactory factory = XMLOutputFactory.newFactory();
        // Woodstox's own switch: write <?xml version="1.0" ...?> as MIS and DfE tools do, not with single quotes.
        String doubleQuotes = "com.ctc.wstx.useDoubleQuotesInXmlDecl";
        if (factory.isPropertySupported(doubleQuotes)) {
            factory.setProperty(doubleQuotes, Boolean.TRUE);
        }
        return factory;
    }

    private static RuntimeException failure(XMLStreamException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNestedException();
        if (cause instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new IllegalStateException("Could not write the CTF: " + e.getMessage(), e);
    }

    /** Counts the bytes that pass; flushing goes no further, so that {@link #bytesWritten()} stays cheap. */
    private static final class CountingOutputStream extends OutputStream {
        private final OutputStream target;
        private long count;

        CountingOutputStream(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() {
            // the target is flushed on close; a flush per pupil would cost a system call each
        }

        @Override
        public void close() throws IOException {
            target.flush();
            target.close();
        }

        long count() {
            return count;
        }
    }
}
