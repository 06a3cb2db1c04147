package org.openreturns.server.submissions;

import java.time.Instant;
import java.util.List;

/** The durable record that an upload arrived: what, when and from whom, with each file's SHA-256. */
public record Receipt(long submissionId, long fileRequestId, int version, Instant receivedAt, String receivedBy,
        String comment, List<ReceivedFile> files) {

    /** {@code archiveName} is the zip a file came out of, or null. */
    public record ReceivedFile(long id, String name, long sizeBytes, String sha256, String archiveName) {
    }
}
