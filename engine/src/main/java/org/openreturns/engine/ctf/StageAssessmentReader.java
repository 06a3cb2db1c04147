package org.openreturns.engine.ctf;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a pupil's {@code StageAssessments} block: its key stages and their results, nearly all of a file's elements,
 * so the loops here are the reader's hot path. The parser and value reader are taken into locals once per block,
 * rather than fetched from fields on every element.
 */
final class StageAssessmentReader {

    private final XMLStreamReader xml;
    private final ValueReader values;

    StageAssessmentReader(XMLStreamReader xml, ValueReader values) {
        this.xml = xml;
        this.values = values;
    }

    /** Adds the block's results to {@code out}, in file order, up to {@link PupilReader#MAX_RESULTS_PER_PUPIL}. */
    void read(List<StageAssessment> out) throws XMLStreamException {
        XMLStreamReader xml = this.xml;
        ValueReader values = this.values;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (values.is("KeyStage")) {
                readKeyStage(out);
            } else {
                values.skipElement();
            }
        }
    }

    private void readKeyStage(List<StageAssessment> out) throws XMLStreamException {
        XMLStreamReader xml = this.xml;
        ValueReader values = this.values;
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
                stage = values.code(name);
            } else if (name.equals("StageAssessment")) {
                int line = xml.getLocation().getLineNumber();
                if (out.size() + (pending == null ? 0 : pending.size()) >= PupilReader.MAX_RESULTS_PER_PUPIL) {
                    throw new XMLStreamException("Result count limit (" + PupilReader.MAX_RESULTS_PER_PUPIL
                            + " for one pupil) exceeded", xml.getLocation());
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
                values.skipElement();
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
        XMLStreamReader xml = this.xml;
        ValueReader values = this.values;
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
                locale = values.code(name);
            } else if (name == "Year") {
                year = values.shortValue(name);
            } else if (name == "Subject") {
                subject = values.code(name);
            } else if (name == "Method") {
                method = values.code(name);
            } else if (name == "Component") {
                component = values.code(name);
            } else if (name == "ResultStatus") {
                status = values.code(name);
            } else if (name == "ResultQualifier") {
                qualifier = values.code(name);
            } else if (name == "Result") {
                result = values.shortValue(name);
            } else {
                switch (name) {
                    case "Locale" -> locale = values.code(name);
                    case "Year" -> year = values.shortValue(name);
                    case "Subject" -> subject = values.code(name);
                    case "Method" -> method = values.code(name);
                    case "Component" -> component = values.code(name);
                    case "ResultStatus" -> status = values.code(name);
                    case "ResultQualifier" -> qualifier = values.code(name);
                    case "Result" -> result = values.shortValue(name);
                    default -> values.skipElement();
                }
            }
        }
    }
}
