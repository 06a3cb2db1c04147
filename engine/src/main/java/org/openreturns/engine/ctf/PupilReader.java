package org.openreturns.engine.ctf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one {@code Pupil} element into a {@link CtfPupil}: its identity, its results (through
 * {@link StageAssessmentReader}) and, in full CTFs, the characteristics the returns need (first language, FSM and
 * SEN history, in care).
 */
final class PupilReader {

    /**
     * A pupil's whole record, every year of every key stage, is a few hundred results at most; a pupil is held in
     * memory while it is read, so a file that gives one pupil millions is refused rather than allowed to fill it.
     */
    static final int MAX_RESULTS_PER_PUPIL = 10_000;

    private final XMLStreamReader xml;
    private final ValueReader values;
    private final StageAssessmentReader assessments;
    /** The pupil being read's first language, set while its {@code BasicDetails} are read. */
    private String firstLanguage;

    PupilReader(XMLStreamReader xml, ValueReader values) {
        this.xml = xml;
        this.values = values;
        this.assessments = new StageAssessmentReader(xml, values);
    }

    /** Reads the pupil whose start tag the parser is on, up to and including its end tag. */
    CtfPupil read() throws XMLStreamException {
        XMLStreamReader xml = this.xml;
        ValueReader values = this.values;
        int line = xml.getLocation().getLineNumber();
        String upn = null;
        String surname = null;
        String forename = null;
        String dob = null;
        String sex = null;
        String ncYear = null;
        List<StageAssessment> results = new ArrayList<>(24);
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
                case "UPN" -> upn = values.text();
                case "Surname" -> surname = values.text();
                case "Forename" -> forename = values.text();
                case "DOB" -> dob = values.text();
                case "Sex", "Gender" -> sex = values.code();
                case "NCyearActual" -> ncYear = values.shortValue();
                case "BasicDetails" -> {
                    String found = readBasicDetails();
                    if (found != null) {
                        ncYear = found;
                    }
                }
                case "StageAssessments" -> assessments.read(results);
                // Blocks of full CTFs only; assessment files usually lack them, and then nothing here runs.
                case "FSMhistory" -> fsm = readFsmHistory();
                case "SENhistory" -> sen = readSenHistory();
                case "LookedAfter" -> inCare = readInCare();
                default -> values.skipElement();
            }
        }
        CtfPupil.Characteristics characteristics = fsm == null && sen == null && firstLanguage == null
                && inCare == null ? null : new CtfPupil.Characteristics(fsm, sen, firstLanguage, inCare);
        // Wrapped, not copied: the list is this pupil's alone and nothing else holds it.
        return new CtfPupil(upn, surname, forename, dob, sex, ncYear, Collections.unmodifiableList(results), line,
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
                if (values.is("NCyearActual")) {
                    ncYear = values.shortValue();
                } else if (depth == 1 && values.is("Languages")) {
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
                    case "LanguageType" -> type = values.code();
                    case "Language" -> language = values.code();
                    default -> values.skipElement();
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
                    case "FSMstartDate" -> start = values.text();
                    case "FSMendDate" -> end = values.text();
                    case "UKcountry" -> country = values.code();
                    default -> values.skipElement();
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
                    case "StartDate" -> start = values.text();
                    case "SENprovision" -> provision = values.code();
                    default -> values.skipElement();
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
            if (!values.is(entry)) {
                values.skipElement();
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
                if (values.is("InCare")) {
                    String value = values.code();
                    inCare = "TRUE".equals(value) || "1".equals(value) ? Boolean.TRUE
                            : "FALSE".equals(value) || "0".equals(value) ? Boolean.FALSE : null;
                } else {
                    values.skipElement();
                }
            }
        }
    }
}
