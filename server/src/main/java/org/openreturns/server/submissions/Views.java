package org.openreturns.server.submissions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.requests.RequestStatus;

/** What the pages and the API show of requests, versions and findings. */
final class Views {

    private Views() {
    }

    record RequestView(long id, long schoolId, String schoolName, String collectionKind, int summerYear,
            String title, String description, LocalDate deadline, RequestStatus status, String laMessage,
            boolean overdue, boolean late, boolean replacementProposed, String declinedMessage) {

        /** The status as the school reads it: an accepted return with a newer version waiting says so. */
        public String statusLabel() {
            return replacementProposed ? org.openreturns.server.requests.Replacements.LABEL : status.label();
        }

        public String collectionTitle() {
            return Collection.valueOf(collectionKind).title();
        }

        public String deadlineText() {
            return Dates.date(deadline);
        }
    }

    record SubmissionView(long id, long requestId, long schoolId, int version, SubmissionStatus status, String comment,
            Instant receivedAt, String receivedBy, String via, Integer pupils, Integer errors, Integer queries,
            String failureMessage, boolean current, boolean proposed, boolean declined) {

        /** The version the school may still work on: its return, or a replacement the LA has yet to decide on. */
        public boolean open() {
            return current || proposed;
        }

        public boolean finished() {
            return status.finished();
        }

        public boolean checked() {
            return status == SubmissionStatus.CHECKED;
        }

        public String receivedAtText() {
            return Dates.dateTime(receivedAt);
        }

        public String statusLabel() {
            return switch (status) {
                case RECEIVED -> "Waiting to be checked";
                case CHECKING -> "Checking";
                case FAILED -> "Could not be checked";
                case CHECKED -> errors != null && errors > 0 ? "Errors to fix"
                        : queries != null && queries > 0 ? "Checked, with queries" : "Checked";
            };
        }

        public String statusTag() {
            return switch (status) {
                case RECEIVED -> "govuk-tag--blue";
                case CHECKING -> "govuk-tag--light-blue";
                case FAILED -> "govuk-tag--red";
                case CHECKED -> errors != null && errors > 0 ? "govuk-tag--red"
                        : queries != null && queries > 0 ? "govuk-tag--yellow" : "govuk-tag--turquoise";
            };
        }
    }

    record FileView(long id, String name, long sizeBytes, String sha256, String archiveName) {

        public String sizeText() {
            if (sizeBytes < 1024) {
                return sizeBytes + " bytes";
            }
            if (sizeBytes < 1024 * 1024) {
                return String.format("%.1f KB", sizeBytes / 1024.0);
            }
            return String.format("%.1f MB", sizeBytes / 1048576.0);
        }
    }

    record FindingView(long id, String severity, String code, String upn, String item, String message, int line,
            String explanation, String explainedBy, Instant explainedAt, String fileName) {

        public boolean query() {
            return severity.equals("query");
        }

        public boolean error() {
            return severity.equals("error");
        }

        public String explainedAtText() {
            return Dates.dateTime(explainedAt);
        }
    }

    /** A pupil's findings together; {@code upn} null for findings about a whole file. */
    record PupilFindings(String upn, String name, List<FindingView> findings) {
    }
}
