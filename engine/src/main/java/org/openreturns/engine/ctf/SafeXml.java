package org.openreturns.engine.ctf;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.stream.XMLInputFactory;

/**
 * The one place that configures XML parsing. CTF files have no DTD, no entities and shallow trees, so anything else is
 * refused: DTDs are not processed (and {@link CtfStream} refuses a file that declares one), external entities are
 * never fetched, and depth and text length are bounded so that a crafted file cannot exhaust memory.
 */
public final class SafeXml {

    /** A real CTF is about 8 levels deep. */
    static final int MAX_DEPTH = 64;
    /** Longest text in one element: a school name or a result is short; a base64 photo is not expected. */
    static final int MAX_TEXT_LENGTH = 1 << 20;

    private SafeXml() {
    }

    public static XMLInputFactory inputFactory() {
        WstxInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        // Replacing (rather than reporting) entity references makes an undeclared one such as &foo; an error instead
        // of an event that text reading would silently drop; with DTDs refused, only the five predefined ones exist.
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.TRUE);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        // Woodstox's default, stated because StageAssessmentReader relies on it to recognise element names by
        // identity (it falls back to comparing content, so this is speed, not correctness).
        factory.setProperty(org.codehaus.stax2.XMLInputFactory2.P_INTERN_NAMES, Boolean.TRUE);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT_LENGTH);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 64 * 1024);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 64);
        // Woodstox's minimum; no general entity can be declared anyway, since a DOCTYPE is refused.
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1);
        // Parse each token as it is reached, so that a malformed one fails in next() as an XMLStreamException
        // rather than later, from getText(), as an unchecked exception.
        factory.setProperty(WstxInputProperties.P_LAZY_PARSING, Boolean.FALSE);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
        factory.setProperty(XMLInputFactory.RESOLVER,
                (javax.xml.stream.XMLResolver) (publicId, systemId, baseUri, namespace) -> {
                    throw new javax.xml.stream.XMLStreamException("External entities are not allowed");
                });
        return factory;
    }
}
