package org.openreturns.engine.synthetic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** A made-up school: LA number, 4-digit establishment number, 6-digit URN, name, and the MIS it exports from. */
record SyntheticSchool(String la, String estab, String urn, String name, String mis) {

    private static final String[] MIS = {"SIMS", "Arbor", "Bromcom", "ScholarPack", "Pupil Asset"};

    static String anyMis(Random r) {
        return MIS[r.nextInt(MIS.length)];
    }

    /** The DfE number, LA then establishment: "3302004". */
    String dfeNumber() {
        return la + estab;
    }

    /**
     * {@code count} schools with unique names, establishment numbers from 2000 (the range of LA-maintained primary
     * schools) and unique URNs.
     */
    static List<SyntheticSchool> register(String la, int count, Random r) {
        Set<String> names = new HashSet<>();
        Set<Integer> estabs = new HashSet<>();
        Set<Integer> urns = new HashSet<>();
        List<SyntheticSchool> schools = new ArrayList<>(count);
        NameBank bank = NameBank.bundled();
        for (int i = 0; i < count; i++) {
            String name = bank.schoolName(r);
            for (int attempt = 0; !names.add(name); attempt++) {
                name = attempt < 20 ? bank.schoolName(r) : bank.schoolName(r) + " (" + (i + 1) + ")";
            }
            int estab = 2000 + r.nextInt(2000);
            while (!estabs.add(estab)) {
                estab = 2000 + r.nextInt(2000);
            }
            int urn = 100000 + r.nextInt(50000);
            while (!urns.add(urn)) {
                urn = 100000 + r.nextInt(50000);
            }
            schools.add(new SyntheticSchool(la, Integer.toString(estab), Integer.toString(urn), name,
                    MIS[r.nextInt(MIS.length)]));
        }
        return schools;
    }
}
