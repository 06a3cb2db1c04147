package org.openreturns.engine.ctf;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    /** Longest value shared between pupils: codes, years and results are short; names and UPNs are not shared. */
    private static final int SHARED_MAX_LENGTH = 12;

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
    /** Reused for every value read, so that reading a value allocates at most its String. */
    private char[] scratch = new char[256];
    /**
     * Codes and short values seen in this file, in pairs of slots by hash (see {@link #finishValue}). A file holds
     * well under a hundred distinct ones (a phonics file's marks included), and a table is made per file, so 512.
     */
    private static final int SHARED_BITS = 9;
    private final String[] sharedValues = new String[1 << SHARED_BITS];
    private final char[][] sharedChars = new char[1 << SHARED_BITS][];
    private final int[] sharedHashes = new int[1 << SHARED_BITS];
    private boolean finished;
    /** The pupil being read's first language, set while its {@code BasicDetails} are read. */
    private String firstLanguage;

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
        List<StageAssessment> assessments = new ArrayList<>(24);
        firstLanguage = null;
        List<CtfPupil.FsmPeriod> fsm = null;
        List<CtfPupil.SenRecord> sen = null;
        Boolean inCare = null;
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
                case "Sex", "Gender" -> sex = code();
                case "NCyearActual" -> ncYear = shortValue();
                case "BasicDetails" -> {
                    String found = readBasicDetails();
                    if (found != null) {
                        ncYear = found;
                    }
                }
                case "StageAssessments" -> readStageAssessments(assessments);
                // Blocks of full CTFs only; assessment files usually lack them, and then nothing here runs.
                case "FSMhistory" -> fsm = readFsmHistory();
                case "SENhistory" -> sen = readSenHistory();
                case "LookedAfter" -> inCare = readInCare();
                default -> skipElement();
            }
        }
        CtfPupil.Characteristics characteristics = fsm == null && sen == null && firstLanguage == null
                && inCare == null ? null : new CtfPupil.Characteristics(fsm, sen, firstLanguage, inCare);
        // Wrapped, not copied: the list is this pupil's alone and nothing else holds it.
        return new CtfPupil(upn, surname, forename, dob, sex, ncYear, Collections.unmodifiableList(assessments), line,
                characteristics);
    }

    /**
     * Reads a {@code BasicDetails} block for the elements of it that the returns need: {@code NCyearActual}, and the
     * first language into {@link #firstLanguage}.
     */
    private String readBasicDetails() throws XMLStreamException {
        String ncYear = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (is("NCyearActual")) {
                    ncYear = shortValue();
                } else if (depth == 1 && is("Languages")) {
                    firstLanguage = readFirstLanguage();
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return ncYear;
    }

    /** {@code Languages/Type*}: the {@code Language} whose {@code LanguageType} is F, or "" when none is. */
    private String readFirstLanguage() throws XMLStreamException {
        for (LanguageEntry type : readEntries("Type", "Languages", this::readLanguageType)) {
            if ("F".equals(type.type())) {
                return type.language() == null ? "" : type.language();
            }
        }
        return "";
    }

    private record LanguageEntry(String type, String language) {
    }

    private LanguageEntry readLanguageType() throws XMLStreamException {
        String type = null;
        String language = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return new LanguageEntry(type, language);
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "LanguageType" -> type = code();
                    case "Language" -> language = code();
                    default -> skipElement();
                }
            }
        }
    }

    /** {@code FSMhistory}: its {@code FSMinstance}s, in file order; {@code FSMreviewDate} is not needed. */
    private List<CtfPupil.FsmPeriod> readFsmHistory() throws XMLStreamException {
        return readEntries("FSMinstance", "FSM history", this::readFsmInstance);
    }

    private CtfPupil.FsmPeriod readFsmInstance() throws XMLStreamException {
        String start = null;
        String end = null;
        String country = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return new CtfPupil.FsmPeriod(start, end, country);
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "FSMstartDate" -> start = text();
                    case "FSMendDate" -> end = text();
                    case "UKcountry" -> country = code();
                    default -> skipElement();
                }
            }
        }
    }

    /** {@code SENhistory}: its {@code SEN} records, in file order; {@code SENneeds} is not needed. */
    private List<CtfPupil.SenRecord> readSenHistory() throws XMLStreamException {
        return readEntries("SEN", "SEN history", this::readSenRecord);
    }

    private CtfPupil.SenRecord readSenRecord() throws XMLStreamException {
        String start = null;
        String provision = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return new CtfPupil.SenRecord(start, provision);
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "StartDate" -> start = text();
                    case "SENprovision" -> provision = code();
                    default -> skipElement();
                }
            }
        }
    }

    /** Reads one repeated entry of a block, positioned on its start tag, up to and including its end tag. */
    @FunctionalInterface
    private interface EntryReader<T> {
        T read() throws XMLStreamException;
    }

    /**
     * The {@code entry} children of the block being read, each read by {@code reader}, in file order; other children
     * are skipped. A pupil's block may hold at most {@link #MAX_RESULTS_PER_PUPIL} entries, as with results.
     */
    private <T> List<T> readEntries(String entry, String block, EntryReader<T> reader) throws XMLStreamException {
        List<T> entries = new ArrayList<>(2);
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return Collections.unmodifiableList(entries);
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!is(entry)) {
                skipElement();
                continue;
            }
            if (entries.size() >= MAX_RESULTS_PER_PUPIL) {
                throw new XMLStreamException(block + " limit (" + MAX_RESULTS_PER_PUPIL + " for one pupil) exceeded",
                        xml.getLocation());
            }
            entries.add(reader.read());
        }
    }

    /**
     * {@code LookedAfter/InCare}: true or false (xs:boolean, so 1 and 0 too); any other value, or none, is not
     * knowing, and so is an empty block.
     */
    private Boolean readInCare() throws XMLStreamException {
        Boolean inCare = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return inCare;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (is("InCare")) {
                    String value = code();
                    inCare = "TRUE".equals(value) || "1".equals(value) ? Boolean.TRUE
                            : "FALSE".equals(value) || "0".equals(value) ? Boolean.FALSE : null;
                } else {
                    skipElement();
                }
            }
        }
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
        List<StageAssessment> pending = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (name.equals("Stage")) {
                stage = code(name);
            } else if (name.equals("StageAssessment")) {
                int line = xml.getLocation().getLineNumber();
                if (out.size() + (pending == null ? 0 : pending.size()) >= MAX_RESULTS_PER_PUPIL) {
                    throw new XMLStreamException("Result count limit (" + MAX_RESULTS_PER_PUPIL + " for one pupil) "
                            + "exceeded", xml.getLocation());
                }
                StageAssessment assessment = readAssessment(stage, line);
                if (stage != null) {
                    out.add(assessment);
                } else {
                    // Stage normally comes first, but nothing in the format forces it; keep the order of the file.
                    if (pending == null) {
                        pending = new ArrayList<>();
                    }
                    pending.add(assessment);
                }
            } else {
                skipElement();
            }
        }
        if (pending != null) {
            for (StageAssessment a : pending) {
                out.add(new StageAssessment(stage, a.locale(), a.year(), a.subject(), a.method(), a.component(),
                        a.resultStatus(), a.resultQualifier(), a.result(), a.line()));
            }
        }
    }

    private StageAssessment readAssessment(String stage, int line) throws XMLStreamException {
        String locale = null;
        String year = null;
        String subject = null;
        String method = null;
        String component = null;
        String status = null;
        String qualifier = null;
        String result = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return new StageAssessment(stage, locale, year, subject, method, component, status, qualifier, result,
                        line);
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            // The innermost loop of the reader, run for every element of every result. Woodstox hands out element
            // names from its symbol table, interned, so the usual names are recognised by identity in the order
            // files write them; anything else falls through to the comparison by content.
            String name = xml.getLocalName();
            if (name == "Locale") {
                locale = code(name);
            } else if (name == "Year") {
                year = shortValue(name);
            } else if (name == "Subject") {
                subject = code(name);
            } else if (name == "Method") {
                method = code(name);
            } else if (name == "Component") {
                component = code(name);
            } else if (name == "ResultStatus") {
                status = code(name);
            } else if (name == "ResultQualifier") {
                qualifier = code(name);
            } else if (name == "Result") {
                result = shortValue(name);
            } else {
                switch (name) {
                    case "Locale" -> locale = code(name);
                    case "Year" -> year = shortValue(name);
                    case "Subject" -> subject = code(name);
                    case "Method" -> method = code(name);
                    case "Component" -> component = code(name);
                    case "ResultStatus" -> status = code(name);
                    case "ResultQualifier" -> qualifier = code(name);
                    case "Result" -> result = shortValue(name);
                    default -> skipElement();
                }
            }
        }
    }

    private boolean is(String localName) {
        return localName.equals(xml.getLocalName());
    }

    /** The trimmed text of a leaf element, or null when it is empty. */
    private String text() throws XMLStreamException {
        return readValue(false);
    }

    /**
     * The trimmed, upper-cased text of a leaf element that holds a code (Stage, Subject, Sex...), or null when empty.
     * Codes come from a vocabulary of a few dozen values, so each is returned as one shared instance: no allocation
     * per value, and its hash is computed once for the item-table lookup.
     */
    private String code() throws XMLStreamException {
        return readValue(true);
    }

    /** As {@link #code()}, for the element {@code name} the caller has just read. */
    private String code(String name) throws XMLStreamException {
        return readValue(name, true, true);
    }

    /** A value that is usually short and often repeated (Year, Result): shared like a code, but case kept. */
    private String shortValue() throws XMLStreamException {
        return readValue(xml.getLocalName(), false, true);
    }

    /** As {@link #shortValue()}, for the element {@code name} the caller has just read. */
    private String shortValue(String name) throws XMLStreamException {
        return readValue(name, false, true);
    }

    private String readValue(boolean code) throws XMLStreamException {
        return readValue(xml.getLocalName(), code, code);
    }

    /**
     * Gathers the element's text into a reused buffer (Woodstox may hand it over in pieces), bounded by
     * {@link SafeXml#MAX_TEXT_LENGTH}, which {@code getElementText()} would not enforce. The one loop that copies
     * the characters also upper-cases codes and computes the hash the shared-value table needs, so that a value is
     * passed over once; a value in one piece with no surrounding blanks (nearly all of them) needs nothing more.
     */
    private String readValue(String name, boolean upperCase, boolean shared) throws XMLStreamException {
        int length = 0;
        int hash = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return finishValue(length, hash, upperCase, shared);
            }
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                int n = xml.getTextLength();
                if (length + n > scratch.length) {
                    growScratch(name, length, n);
                }
                char[] from = xml.getTextCharacters();
                int at = xml.getTextStart();
                char[] to = scratch;
                for (int i = 0; i < n; i++) {
                    char c = from[at + i];
                    if (upperCase && c >= 'a') {
                        c = c <= 'z' ? (char) (c - ('a' - 'A')) : Character.toUpperCase(c);
                    }
                    to[length + i] = c;
                    hash = 31 * hash + c;
                }
                length += n;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                throw new XMLStreamException("<" + name + "> should hold only text but holds an "
                        + "element <" + xml.getLocalName() + ">", xml.getLocation());
            }
            // comments and processing instructions inside a value are not part of it
        }
    }

    private void growScratch(String name, int length, int n) throws XMLStreamException {
        if ((long) length + n > SafeXml.MAX_TEXT_LENGTH) {
            throw new XMLStreamException("Text size limit (" + SafeXml.MAX_TEXT_LENGTH + ") exceeded in <"
                    + name + ">", xml.getLocation());
        }
        // Never beyond the limit, so that a value over it always comes here to be refused.
        scratch = java.util.Arrays.copyOf(scratch,
                Math.min(Math.max(scratch.length * 2, length + n), SafeXml.MAX_TEXT_LENGTH));
    }

    /**
     * The value in {@code scratch[0, length)}, whose {@code hash} is String's hash of those characters: null when
     * blank, otherwise trimmed, and shared when it is short and wanted shared. Kept small, with the rare trimming
     * apart, so that the compiler inlines it into the value loop.
     */
    private String finishValue(int length, int hash, boolean upperCase, boolean shared) {
        if (length == 0) {
            return null;
        }
        char[] buf = scratch;
        if (isBlank(buf[0]) || isBlank(buf[length - 1])) {
            return trimmedValue(length, shared);
        }
        if (!shared || length > SHARED_MAX_LENGTH) {
            return new String(buf, 0, length);
        }
        return sharedValue(buf, 0, length, hash);
    }

    /** Rare: surrounding blanks to trim, so the hash must be taken again over what is left. */
    private String trimmedValue(int length, boolean shared) {
        char[] buf = scratch;
        int from = 0;
        int to = length;
        while (from < to && isBlank(buf[from])) {
            from++;
        }
        while (to > from && isBlank(buf[to - 1])) {
            to--;
        }
        if (from == to) {
            return null;
        }
        int n = to - from;
        if (!shared || n > SHARED_MAX_LENGTH) {
            return new String(buf, from, n);
        }
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + buf[i];
        }
        return sharedValue(buf, from, n, hash);
    }

    /**
     * The one shared instance of {@code buf[from, from + n)}. Two slots per value, chosen by a multiplicative hash
     * that spreads similar short codes ("FSP", "E11") apart. The newer value sits in the first; a third value for the
     * pair evicts the older, so no two codes that happen to share a pair keep evicting each other.
     */
    private String sharedValue(char[] buf, int from, int n, int hash) {
        int slot = (hash * 0x9E3779B1) >>> (32 - SHARED_BITS) & ~1;
        if (sharedHashes[slot] == hash && sameChars(sharedChars[slot], buf, from, n)) {
            return sharedValues[slot];
        }
        if (sharedHashes[slot + 1] == hash && sameChars(sharedChars[slot + 1], buf, from, n)) {
            return sharedValues[slot + 1];
        }
        sharedValues[slot + 1] = sharedValues[slot];
        sharedHashes[slot + 1] = sharedHashes[slot];
        sharedChars[slot + 1] = sharedChars[slot];
        String value = new String(buf, from, n);
        sharedValues[slot] = value;
        sharedHashes[slot] = hash;
        sharedChars[slot] = java.util.Arrays.copyOfRange(buf, from, from + n);
        return value;
    }

    /**
     * XML whitespace, and the control characters that strip() would also remove: exactly
     * {@code c <= ' ' || Character.isWhitespace(c)}, since in Latin-1 only characters up to the space are
     * whitespace; the table lookup is left for characters beyond it, as this runs at both ends of every value.
     */
    private static boolean isBlank(char c) {
        return c <= ' ' || c > 0xFF && Character.isWhitespace(c);
    }

    /** A plain loop: these values are a few characters long, too short for a vectorised compare to pay. */
    private static boolean sameChars(char[] known, char[] buf, int from, int n) {
        if (known == null || known.length != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (known[i] != buf[from + i]) {
                return false;
            }
        }
        return true;
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
