package org.openreturns.engine.rules.ks1;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.rules.RuleSet;
import org.openreturns.engine.rules.common.CommonRules;

/**
 * The key stage 1 teacher assessment rule set by summer year. Each year is the year before plus its changes; a year
 * before the first uses the first, a later year the latest.
 */
public final class Ks1Rules {

    private static final NavigableMap<Integer, RuleSet> BY_YEAR = build();

    private Ks1Rules() {
    }

    public static RuleSet forYear(AcademicYear year) {
        Map.Entry<Integer, RuleSet> entry = BY_YEAR.floorEntry(year.summerYear());
        return entry != null ? entry.getValue() : BY_YEAR.firstEntry().getValue();
    }

    private static NavigableMap<Integer, RuleSet> build() {
        NavigableMap<Integer, RuleSet> years = new TreeMap<>();
        // 2022: GDS/EXS/WTS, PK1-PK4, EM (from 2021/22), A, Q; science EXS/HNM/A/Q (reference/rules.md §1.3). From
        // 2023/24 KS1 is optional and LA-local (§0.2), with the same codes, so the set is unchanged.
        Ks1Codes codes = Ks1Codes.FROM_2022;
        years.put(2022, CommonRules.base().with(new Ks1Missing(codes), new Ks1InvalidCode(codes)));
        return Collections.unmodifiableNavigableMap(years);
    }
}
