package org.openreturns.engine.rules.ks2;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Valid key stage 2 teacher assessment codes per item, and the items every registered pupil needs.
 *
 * @param byItem   item id to its codes, in the order messages list them
 * @param required items that must have a result for every pupil
 */
public record Ks2TaCodes(Map<String, List<String>> byItem, List<String> required) {

    private static final List<String> PRE_KEY_STAGE = List.of("PK1", "PK2", "PK3", "PK4", "PK5", "PK6");

    /**
     * Reading/maths PK1-PK6, EM, A; writing GDS, EXS, WTS, PK1-PK6, EM, A, L, F, P; science EXS, HNM, A, L, F, P;
     * writing and science required (reference/rules.md §1.4, §2.4: STA 2024 KS2 TA guidance).
     */
    public static final Ks2TaCodes FROM_2022 = new Ks2TaCodes(
            Map.of(
                    "READ", concat(PRE_KEY_STAGE, List.of("EM", "A")),
                    "MAT", concat(PRE_KEY_STAGE, List.of("EM", "A")),
                    "WRIT", concat(List.of("GDS", "EXS", "WTS"), PRE_KEY_STAGE, List.of("EM", "A", "L", "F", "P")),
                    "SCI", List.of("EXS", "HNM", "A", "L", "F", "P")),
            List.of("WRIT", "SCI"));

    /** The items in the order schools see them. */
    static final List<String> ITEMS = List.of("READ", "WRIT", "MAT", "SCI");

    /** The code for a pupil who left the school (reference/rules.md §1.4). */
    static final String LEFT = "L";

    public Ks2TaCodes {
        byItem = Map.copyOf(byItem);
        required = List.copyOf(required);
    }

    List<String> codes(String itemId) {
        return byItem.getOrDefault(itemId, List.of());
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
