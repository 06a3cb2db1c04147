package org.openreturns.engine.ctf;

import java.io.IOException;
import java.io.InputStream;
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

    private final InputStream in;
    private final LimitedInputStream counter;
    private final long maxBytes;
    private final XMLStreamReader xml;
    /** One per file: it holds the file's shared values and its reused buffer. */
    private final ValueReader values;
    private final PupilReader pupils;
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
        this.values = new ValueReader(xml);
        this.pupils = new PupilReader(xml, values);
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
                    if (values.is("Pupil")) {
                        return pupils.read();
                    }
                    values.skipElement();
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
                    if (values.is("Header")) {
                        readHeader(h);
                        sawHeader = true;
                    } else if (values.is("CTFpupilData")) {
                        inPupilData = true;
                        break;
                    } else {
                        values.skipElement();
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
                        case "CTFversion" -> h.ctfVersion = values.text();
                        case "DateTime" -> h.dateTime = values.text();
                        case "DocumentQualifier" -> h.documentQualifier = values.text();
                        case "SupplierID" -> h.supplierId = values.text();
                        default -> values.skipElement();
                    }
                } else if (depth == 2 && "SourceSchool".equals(section)) {
                    switch (name) {
                        case "LEA" -> h.sourceLa = values.text();
                        case "Estab" -> h.sourceEstab = values.text();
                        case "URN" -> h.sourceUrn = values.text();
                        case "SchoolName" -> h.schoolName = values.text();
                        case "AcademicYear" -> h.academicYear = values.text();
                        default -> values.skipElement();
                    }
                } else if (depth == 2 && "DestSchool".equals(section)) {
                    switch (name) {
                        case "LEA" -> h.destLa = values.text();
                        case "Estab" -> h.destEstab = values.text();
                        default -> values.skipElement();
                    }
                } else {
                    values.skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == 1) {
                    section = null;
                }
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
}
