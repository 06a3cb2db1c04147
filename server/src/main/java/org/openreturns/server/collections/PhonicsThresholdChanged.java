package org.openreturns.server.collections;

/**
 * Published after the LA sets or changes a year's phonics threshold mark, once the change is committed, so that
 * every phonics submission of that collection is checked again and its outcomes re-derived.
 */
public record PhonicsThresholdChanged(long collectionId, int summerYear, Integer threshold) {
}
