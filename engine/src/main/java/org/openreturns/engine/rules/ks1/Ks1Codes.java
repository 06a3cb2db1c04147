package org.openreturns.engine.rules.ks1;

import java.util.List;
import java.util.Map;

/**
 * Valid key stage 1 teacher assessment codes per item, in the order messages list them.
 *
 * @param byItem item id to its codes; every item listed must have a result
 */
public record Ks1Codes(Map<String, List<String>> byItem) {

    private static final List<String> RWM = List.of("GDS", "EXS", "WTS", "PK1", "PK2", "PK3", "PK4", "EM", "A", "Q");

    /** GDS, EXS, WTS, PK1-PK4, EM, A, Q; science EXS, HNM, A, Q (reference/rules.md §1.3; ctf.md §5.4). */
    public static final Ks1Codes FROM_2022 = new Ks1Codes(Map.of(
            "READ", RWM,
            "WRIT", RWM,
            "MAT", RWM,
            "SCI", List.of("EXS", "HNM", "A", "Q")));

    /** The items in the order schools see them. */
    static final List<String> ITEMS = List.of("READ", "WRIT", "MAT", "SCI");

    public Ks1Codes {
        byItem = Map.copyOf(byItem);
    }

    List<String> codes(String itemId) {
        return byItem.getOrDefault(itemId, List.of());
    }
}
