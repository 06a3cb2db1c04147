package org.openreturns.engine.ctf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;

/**
 * Opens school-to-LA assessment CTFs as a stream of pupils (StAX, never a whole-file tree), so that a file of any
 * permitted size is read in constant memory. Thread-safe; one reader can open many files.
 */
public final class CtfReader {

    /** Default largest file accepted: a whole-LA file of 80,000 pupils is about 200 MB. */
    public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

    private final XMLInputFactory factory = SafeXml.inputFactory();
    private final long maxBytes;

    public CtfReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public CtfReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads the header and positions the stream at the first pupil. The caller closes the returned stream, which
     * closes {@code in}.
     */
    public CtfStream open(InputStream in) throws CtfReadException {
        LimitedInputStream limited = new LimitedInputStream(in, maxBytes);
        try {
            byte[] head = readHead(limited);
            refuseWhatIsPlainlyNotXml(head, head.length);
            // The parser gets the first bytes back in front of the rest, with no buffering layer copying every byte.
            InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), limited);
            return new CtfStream(factory, whole, limited, maxBytes);
        } catch (CtfReadException e) {
            closeQuietly(limited);
            throw e;
        }
    }

    private byte[] readHead(InputStream in) throws CtfReadException {
        try {
            return in.readNBytes(512);
        } catch (LimitedInputStream.LimitExceeded e) {
            throw tooLarge(maxBytes);
        } catch (IOException e) {
            throw new CtfReadException("The file could not be read: " + e.getMessage());
        }
    }

    /** Gives a specific message for the files schools most often send by mistake, before any XML parsing. */
    private static void refuseWhatIsPlainlyNotXml(byte[] head, int n) throws CtfReadException {
        if (n == 0) {
            throw new CtfReadException("The file is empty (0 bytes). Export the CTF again from your MIS and upload "
                    + "the new file.");
        }
        if (startsWith(head, n, 'P', 'K', 3, 4)) {
            throw new CtfReadException("This is a zip archive, not a CTF XML file. Unzip it and send the .xml files "
                    + "inside it.");
        }
        if (startsWith(head, n, '%', 'P', 'D', 'F')) {
            throw new CtfReadException("This is a PDF document, not a CTF XML file. Export a Common Transfer File "
                    + "(CTF) from your MIS and send that.");
        }
        if (startsWith(head, n, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new CtfReadException("This is a Microsoft Office document (for example an Excel sheet), not a CTF "
                    + "XML file. Export a Common Transfer File (CTF) from your MIS and send that.");
        }
        if (startsWith(head, n, 0x1F, 0x8B)) {
            throw new CtfReadException("This is a gzip-compressed file, not a CTF XML file. Decompress it and send "
                    + "the .xml file.");
        }
        int start = 0;
        if (startsWith(head, n, 0xEF, 0xBB, 0xBF)) {
            start = 3;
        }
        boolean utf16 = startsWith(head, n, 0xFE, 0xFF) || startsWith(head, n, 0xFF, 0xFE)
                || (n > 1 && (head[0] == 0 || head[1] == 0));
        if (!utf16) {
            int i = start;
            while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
                i++;
            }
            if (i == n) {
                throw new CtfReadException("The file holds only blank space, no XML. Export the CTF again from your "
                        + "MIS and upload the new file.");
            }
            if (head[i] != '<') {
                String peek = new String(head, i, Math.min(40, n - i), StandardCharsets.ISO_8859_1)
                        .replaceAll("[^\\x20-\\x7E]", "?");
                throw new CtfReadException("This is not an XML file: a CTF starts with '<?xml' or '<CTfile', but this "
                        + "one starts with \"" + peek + "\". Export a Common Transfer File (CTF) from your MIS and "
                        + "send that.", 1, 1);
            }
        }
    }

    /** The one message for a file over the size limit, wherever in the file the limit is reached. */
    static CtfReadException tooLarge(long maxBytes) {
        long mb = 1024L * 1024;
        String limit = maxBytes >= mb ? (maxBytes / mb) + " MB" : maxBytes + " bytes";
        return new CtfReadException("The file is larger than the limit of " + limit + ". A CTF for one school is far "
                + "smaller: check that this is the right file.");
    }

    private static boolean startsWith(byte[] head, int n, int... prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more can be done with a stream we are abandoning
        }
    }
}
