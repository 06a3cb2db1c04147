package org.openreturns.engine.ctf;

import java.util.Locale;
import javax.xml.stream.Location;

/** Turns a parser's complaint into one plain message with the line and column, and what to do about it. */
final class XmlProblem {

    private XmlProblem() {
    }

    static CtfReadException describe(Exception e, Location at) {
        int line = at == null ? 0 : Math.max(0, at.getLineNumber());
        int column = at == null ? 0 : Math.max(0, at.getColumnNumber());
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        String detail = detail(e);
        String lower = detail.toLowerCase(Locale.ROOT);
        if (lower.contains("eof") || lower.contains("end of input") || lower.contains("unexpected end")) {
            return new CtfReadException("The file ends too early" + where + ": it looks cut off, perhaps during "
                    + "export or download. Export the CTF again from your MIS and send the whole file.", line, column);
        }
        if (lower.contains("entity")) {
            return new CtfReadException("The file uses an XML entity" + where + " (" + detail + "). CTF files do not "
                    + "use entities, so the file was refused. Export the CTF again from your MIS.", line, column);
        }
        if (lower.contains("invalid utf-8") || lower.contains("illegal character") || lower.contains("invalid xml "
                + "character") || lower.contains("unicode") || lower.contains("encoding")) {
            return new CtfReadException("The file contains bytes that are not valid text" + where + " (" + detail
                    + "). It may be a binary file, or saved in a different character encoding than its first line "
                    + "says. Export the CTF again from your MIS; do not edit it by hand.", line, column);
        }
        if (lower.contains("depth") || lower.contains("limit") || lower.contains("max") && lower.contains("length")) {
            return new CtfReadException("The file's structure is far larger than any CTF's" + where + " (" + detail
                    + "), so it was refused. Export the CTF again from your MIS.", line, column);
        }
        return new CtfReadException("The file is not well-formed XML" + where + " (" + detail + "). Export the CTF "
                + "again from your MIS; do not edit it by hand.", line, column);
    }

    /** The parser's own first sentence, without its location suffix, which we give in our own words. */
    private static String detail(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // The StAX API's own exceptions put the location first: "ParseError at [row,col]:[7,12]\nMessage: ...".
        int message = m.startsWith("ParseError at") ? m.indexOf("Message:") : -1;
        if (message >= 0) {
            m = m.substring(message + "Message:".length()).strip();
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        int atPos = m.indexOf(" at [row,col");
        if (atPos >= 0) {
            m = m.substring(0, atPos);
        }
        m = m.strip();
        return m.length() > 160 ? m.substring(0, 160) + "..." : m;
    }
}
