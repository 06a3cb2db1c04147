package org.openreturns.server.identity;

/**
 * The principal of a request authenticated by an API token: a script or MIS acting for exactly one school.
 */
public record ApiClient(long tokenId, long schoolId, String label) {
}
