package org.openreturns.engine.measures;

/**
 * Choices in how measures are defined where the DfE definition is not settled.
 *
 * @param includeAllAInEyfsp whether a child whose 17 ELGs are all {@code A} (an exemption) counts in the EYFSP
 *     denominators, as not reaching the expected level. Before 2021 such children were excluded from all measures;
 *     the current DfE denominator is unconfirmed (reference/rules.md §3 [U]), so they are excluded by default.
 */
public record MeasureSettings(boolean includeAllAInEyfsp) {

    public static MeasureSettings defaults() {
        return new MeasureSettings(false);
    }
}
