package org.openreturns.engine.rules;

import org.openreturns.engine.ctf.CtfHeader;

/** A rule about the file's header: which school, which CTF version, which year. */
public interface HeaderRule extends Rule {

    void check(CtfHeader header, ValidationContext context, Findings findings);
}
