package org.openreturns.server.collections;

import java.time.LocalDate;

/**
 * A collection's deadlines moved. Published inside the change's transaction, so that whoever keeps dates that
 * follow them (the file requests) moves them in the same commit.
 */
public sealed interface DeadlineChanged {

    long collectionId();

    /** The LA deadline moved from {@code before} to {@code after}; schools with their own deadline keep theirs. */
    record LaDeadline(long collectionId, LocalDate before, LocalDate after) implements DeadlineChanged {
    }

    /**
     * One school was given its own deadline, or had it taken away ({@code own} null: the LA deadline applies again,
     * {@code laDeadline}, which may itself be null).
     */
    record SchoolDeadline(long collectionId, long schoolId, LocalDate own, LocalDate laDeadline)
            implements DeadlineChanged {
    }
}
