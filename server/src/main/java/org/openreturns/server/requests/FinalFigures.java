package org.openreturns.server.requests;

/**
 * Whether a collection's figures are published as final. The reports feature owns publication and sits above
 * requests and submissions, so it answers through this interface rather than being asked directly: while the
 * answer is yes, no upload, replacement or return may change a figure the LA has published.
 */
public interface FinalFigures {

    boolean areFinal(long collectionId);
}
