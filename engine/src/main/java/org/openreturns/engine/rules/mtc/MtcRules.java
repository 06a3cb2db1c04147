package org.openreturns.engine.rules.mtc;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.rules.RuleSet;
import org.openreturns.engine.rules.common.CommonRules;

/**
 * The multiplication tables check rule set by summer year. Each year is the year before plus its changes; a year
 * before the first uses the first, a later year the latest.
 */
public final class MtcRules {

    private static final NavigableMap<Integer, RuleSet> BY_YEAR = build();

    private MtcRules() {
    }

    public static RuleSet forYear(AcademicYear year) {
        Map.Entry<Integer, RuleSet> entry = BY_YEAR.floorEntry(year.summerYear());
        return entry != null ? entry.getValue() : BY_YEAR.firstEntry().getValue();
    }

    private static NavigableMap<Integer, RuleSet> build() {
        NavigableMap<Integer, RuleSet> years = new TreeMap<>();
        // 2022: score 0-25 or A, B, J, L, Q, U, X, Z (ctf.md §5.1, pre-2024 code set); Q annuls a score given with
        // it, so the MTC conflict rule replaces the common one.
        MtcCodes before2024 = MtcCodes.BEFORE_2024;
        RuleSet y2022 = CommonRules.base().with(
                new MtcMissing(before2024),
                new MtcScoreOutOfRange(before2024),
                new MtcInvalidCode(before2024),
                new MtcConflictingResults(before2024),
                new MtcScoreAnnulled(before2024));
        years.put(2022, y2022);
        // 2024: H (cheating) and NAA (not able to administer) added (ctf.md §5.1: DfE MTC ctf-results.js).
        MtcCodes from2024 = MtcCodes.FROM_2024;
        years.put(2024, y2022.with(
                new MtcMissing(from2024),
                new MtcScoreOutOfRange(from2024),
                new MtcInvalidCode(from2024),
                new MtcConflictingResults(from2024),
                new MtcScoreAnnulled(from2024)));
        return Collections.unmodifiableNavigableMap(years);
    }
}
