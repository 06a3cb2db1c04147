package org.openreturns.engine.rules.common;

import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.HeaderRule;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.rules.ValidationContext;

/**
 * CTF versions 21 to 26 are read; another version is read too, with a note, since MIS drift between versions and a
 * rejected file helps nobody (ctf.md §0; product brief).
 */
public final class CtfVersionExpected implements HeaderRule {

    static final int OLDEST = 21;
    static final int NEWEST = 26;

    @Override
    public String code() {
        return "file.ctfVersion";
    }

    @Override
    public Severity severity() {
        return Severity.INFO;
    }

    @Override
    public void check(CtfHeader header, ValidationContext context, Findings findings) {
        Integer major = header.majorVersion();
        if (major == null) {
            findings.addFileLevel(this, "The file does not say which CTF version it is (CTFversion is "
                    + (header.ctfVersion() == null ? "missing" : "'" + header.ctfVersion() + "'")
                    + "). It was read as a recent version; if results are missing, check your MIS is up to date.");
        } else if (major < OLDEST || major > NEWEST) {
            findings.addFileLevel(this, "The file is CTF version " + header.ctfVersion() + "; versions " + OLDEST
                    + " to " + NEWEST + " are expected. It was read anyway; if results are missing, check that your "
                    + "MIS is up to date.");
        }
    }
}
