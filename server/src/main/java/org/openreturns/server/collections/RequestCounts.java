package org.openreturns.server.collections;

import java.util.Map;

/**
 * How far each collection's file requests have got, for the collections list. The requests feature owns the
 * requests and answers this; collections, below it, only declares what it needs to show.
 */
public interface RequestCounts {

    record Counts(int issued, int accepted) {
        public static final Counts NONE = new Counts(0, 0);
    }

    /** By collection id; a collection with no requests may be missing. */
    Map<Long, Counts> byCollection();
}
