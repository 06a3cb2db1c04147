package org.openreturns.engine.ctf;

/**
 * A file that cannot be read as a CTF. The message is for a school data manager: what is wrong and what to do.
 * Line and column are 0 where they do not apply (an empty file, a file that is too large).
 */
public final class CtfReadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public CtfReadException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public CtfReadException(String message) {
        this(message, 0, 0);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
