package org.openreturns.engine.ctf;

/** Collects header values in whatever order the file gives them. */
final class HeaderBuilder {
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
