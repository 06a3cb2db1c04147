package org.openreturns.engine.synthetic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.NcYear;
import org.openreturns.engine.ctf.Upn;
import org.openreturns.engine.rules.LaCodes;

/**
 * Makes pupils with valid, unique UPNs (ctf.md §6: check letter, LA, establishment, allocation year, serial) and a
 * date of birth inside the normal range of their year group (reference/rules.md §2.1). Most UPNs were allocated by
 * the pupil's own school; some by another school of the LA, and a few by a school in a neighbouring LA.
 */
final class ChildFactory {

    private final AcademicYear year;
    private final List<String> neighbours;
    private final Map<String, Integer> nextSerial = new HashMap<>();
    private final NameBank names = NameBank.bundled();

    ChildFactory(String la, AcademicYear year) {
        this.year = year;
        this.neighbours = neighbouringLas(la);
    }

    /** A pupil of the school; {@code others} are the LA's schools, any of which may have allocated the UPN. */
    SyntheticChild child(Random r, NcYear nc, SyntheticSchool school, List<SyntheticSchool> others) {
        String la = school.la();
        String estab = school.estab();
        double where = r.nextDouble();
        if (where < 0.03 && !neighbours.isEmpty()) {
            la = neighbours.get(r.nextInt(neighbours.size()));
            estab = Integer.toString(2000 + r.nextInt(2000));
        } else if (where < 0.09 && others.size() > 1) {
            estab = others.get(r.nextInt(others.size())).estab();
        }
        return child(r, nc, la, estab);
    }

    /** A pupil whose UPN was allocated by the given school. */
    SyntheticChild child(Random r, NcYear nc, String la, String estab) {
        String sex = r.nextBoolean() ? "F" : "M";
        LocalDate earliest = nc.earliestNormalBirth(year);
        long days = ChronoUnit.DAYS.between(earliest, nc.latestNormalBirth(year));
        LocalDate dob = earliest.plusDays(r.nextInt((int) days + 1));
        return new SyntheticChild(allocate(r, la, estab, nc), names.surname(r), names.forename(r, sex), dob, sex, nc,
                r.nextGaussian(), r.nextLong());
    }

    /** UPNs are allocated on first admission, normally to Reception, so the 2-digit year is the entry year. */
    private String allocate(Random r, String la, String estab, NcYear nc) {
        String yy = String.format("%02d", (year.startYear() - nc.value()) % 100);
        String prefix = la + estab + yy;
        int serial = nextSerial.merge(prefix, 1 + r.nextInt(40), (old, start) -> old + 1);
        if (serial > 999) {
            throw new IllegalStateException("More than 999 UPNs for " + prefix);
        }
        return Upn.withCheckLetter(prefix + String.format("%03d", serial));
    }

    /** Known LA codes numerically close to the LA's, which in England's numbering are mostly its neighbours. */
    private static List<String> neighbouringLas(String la) {
        List<String> out = new ArrayList<>();
        int n = Integer.parseInt(la);
        LaCodes codes = LaCodes.bundled();
        for (int d = -5; d <= 5; d++) {
            String code = String.format("%03d", n + d);
            if (d != 0 && n + d >= 100 && n + d <= 999 && codes.isKnown(code)) {
                out.add(code);
            }
        }
        return out;
    }
}
