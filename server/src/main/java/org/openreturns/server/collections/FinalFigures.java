package org.openreturns.server.collections;

/**
 * Whether a collection's figures are published as final. The reports feature owns publication and sits above
 * collections, requests and submissions, so it answers through this interface rather than being asked directly:
 * while the answer is yes, no upload, replacement, return or threshold change may move a figure the LA published.
 */
public interface FinalFigures {

    boolean areFinal(long collectionId);
}
