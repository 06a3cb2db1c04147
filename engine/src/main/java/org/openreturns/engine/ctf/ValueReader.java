package org.openreturns.engine.ctf;

import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the leaf values of one CTF, allocating as little as it can: every value is gathered in one reused buffer,
 * and the short, repeated ones (codes, years, results) come back as one shared instance per distinct value. Made
 * per file, as the shared values are that file's; final and small-methoded so that the JIT inlines it into the
 * readers' loops.
 */
final class ValueReader {

    /** Longest value shared between pupils: codes, years and results are short; names and UPNs are not shared. */
    private static final int SHARED_MAX_LENGTH = 12;

    /**
     * Codes and short values seen in this file, in pairs of slots by hash (see {@link #sharedValue}). A file holds
     * well under a hundred distinct ones (a phonics file's marks included), and a table is made per file, so 512.
     */
    private static final int SHARED_BITS = 9;

    private final XMLStreamReader xml;
    /** Reused for every value read, so that reading a value allocates at most its String. */
    private char[] scratch = new char[256];
    private final String[] sharedValues = new String[1 << SHARED_BITS];
    private final char[][] sharedChars = new char[1 << SHARED_BITS][];
    private final int[] sharedHashes = new int[1 << SHARED_BITS];

    ValueReader(XMLStreamReader xml) {
        this.xml = xml;
    }

    /** Whether the element the reader is on is called {@code localName}. */
    boolean is(String localName) {
        return localName.equals(xml.getLocalName());
    }

    /** The trimmed text of a leaf element, or null when it is empty. */
    String text() throws XMLStreamException {
        return readValue(xml.getLocalName(), false, false);
    }

    /**
     * The trimmed, upper-cased text of a leaf element that holds a code (Stage, Subject, Sex...), or null when empty.
     * Codes come from a vocabulary of a few dozen values, so each is returned as one shared instance: no allocation
     * per value, and its hash is computed once for the item-table lookup.
     */
    String code() throws XMLStreamException {
        return readValue(xml.getLocalName(), true, true);
    }

    /** As {@link #code()}, for the element {@code name} the caller has just read. */
    String code(String name) throws XMLStreamException {
        return readValue(name, true, true);
    }

    /** A value that is usually short and often repeated (Year, Result): shared like a code, but case kept. */
    String shortValue() throws XMLStreamException {
        return readValue(xml.getLocalName(), false, true);
    }

    /** As {@link #shortValue()}, for the element {@code name} the caller has just read. */
    String shortValue(String name) throws XMLStreamException {
        return readValue(name, false, true);
    }

    /** Skips the element the reader is on, with everything inside it. */
    void skipElement() throws XMLStreamException {
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
        scratch = Arrays.copyOf(scratch, Math.min(Math.max(scratch.length * 2, length + n), SafeXml.MAX_TEXT_LENGTH));
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
        sharedChars[slot] = Arrays.copyOfRange(buf, from, from + n);
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
}
