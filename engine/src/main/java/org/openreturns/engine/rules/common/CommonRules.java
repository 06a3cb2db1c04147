package org.openreturns.engine.rules.common;

import org.openreturns.engine.rules.RuleSet;

/** Rules every collection shares: the file's header, pupil identity and UPNs (reference/rules.md §2.1). */
public final class CommonRules {

    private CommonRules() {
    }

    public static RuleSet base() {
        return RuleSet.of(
                new SourceSchoolPresent(),
                new CtfVersionExpected(),
                new HeaderYearMatches(),
                new UpnMissing(),
                new UpnFormat(),
                new UpnTemporary(),
                new UpnCheckLetter(),
                new UpnLaCode(),
                new DuplicateUpn(),
                new SurnameMissing(),
                new ForenameMissing(),
                new DateOfBirthInvalid(),
                new SexInvalid(),
                new DateOfBirthOutsideYearGroup(),
                new YearGroupFitsCollection(),
                new ConflictingResults());
    }
}
