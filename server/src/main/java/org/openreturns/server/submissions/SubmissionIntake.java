package org.openreturns.server.submissions;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.requests.FileProgress;
import org.openreturns.server.requests.FileRequests;
import org.openreturns.server.requests.UploadWindow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives an upload: in one transaction it stores every file's original bytes with their SHA-256 as the request's
 * next version, marks the request received, announces it ({@link SubmissionReceived}, on which the check is queued)
 * and records the upload in the audit trail, so that the school's receipt is true the moment it is shown. Pages,
 * the API and the demo seeder all upload through here.
 */
@Service
public class SubmissionIntake {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final UploadLimits limits;
    private final UploadMail uploadMail;
    private final FileRequests requests;
    private final ApplicationEventPublisher events;
    private final UploadWindow window;

    SubmissionIntake(JdbcClient jdbc, AuditLog audit, UploadLimits limits, UploadMail uploadMail,
            FileRequests requests, ApplicationEventPublisher events, UploadWindow window) {
        this.window = window;
        this.jdbc = jdbc;
        this.requests = requests;
        this.events = events;
        this.audit = audit;
        this.limits = limits;
        this.uploadMail = uploadMail;
    }

    public UploadLimits limits() {
        return limits;
    }

    /** Why the request takes no file now (not open yet, or final figures published); empty when it does. */
    public java.util.Optional<String> whyClosed(long fileRequestId) {
        return window.whyClosed(fileRequestId);
    }

    /**
     * Stores the files as the request's next version and queues their check.
     *
     * @throws SubmissionNotFoundException when there is no such request or it belongs to a school the actor is not
     * @throws UploadRefused when nothing usable was sent (no file, empty, too large, a zip bomb...) or the request
     *     takes no file now (its collection has not opened, or its final figures are published), with the reason
     */
    @Transactional
    public Receipt receive(Actor actor, long fileRequestId, List<UploadedFile> files, String comment) {
        Long schoolId = requests.lockForUpload(fileRequestId).orElse(null);
        boolean system = actor.channel() == Actor.Channel.SYSTEM;
        if (schoolId == null || !(system || actor.maySee(schoolId))) {
            throw new SubmissionNotFoundException("File request " + fileRequestId);
        }
        if (actor.isLaStaff()) {
            // The LA sees a school's uploads but never adds to them: the school answers for its return.
            throw new org.springframework.security.access.AccessDeniedException("Only the school can upload its return");
        }
        window.whyClosed(fileRequestId).ifPresent(reason -> {
            throw new UploadRefused(reason);
        });
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > 2000) {
            throw new UploadRefused("The comment must be 2,000 characters or fewer.");
        }
        List<Prepared> prepared = prepare(files);
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from submission where file_request_id = :id")
                .param("id", fileRequestId).query(Integer.class).single();
        var row = jdbc.sql("""
                insert into submission (file_request_id, version, comment, submitted_by, submitted_by_name,
                                        submitted_via, status)
                values (:request, :version, :comment, :user, :name, :via, :status)
                returning id, received_at""")
                .param("request", fileRequestId)
                .param("version", version)
                .param("comment", note)
                .param("user", actor.userId())
                .param("name", actor.name())
                .param("status", SubmissionStatus.RECEIVED.name())
                .param("via", switch (actor.channel()) {
                    case WEB -> "WEB";
                    case API -> "API";
                    case SYSTEM -> "DEMO";
                })
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getTimestamp("received_at").toInstant()})
                .single();
        long submissionId = (Long) row[0];
        Instant receivedAt = (Instant) row[1];
        List<Receipt.ReceivedFile> received = new ArrayList<>();
        for (Prepared p : prepared) {
            long fileId = jdbc.sql("""
                    insert into submission_file (submission_id, file_name, size_bytes, sha256, content, archive_name,
                                                 archive_sha256)
                    values (:submission, :name, :size, :sha, :content, :archive, :archiveSha)
                    returning id""")
                    .param("submission", submissionId)
                    .param("name", p.name())
                    .param("size", (long) p.content().length)
                    .param("sha", p.sha256())
                    .param("content", p.content())
                    .param("archive", p.archiveName())
                    .param("archiveSha", p.archiveSha256())
                    .query(Long.class).single();
            received.add(new Receipt.ReceivedFile(fileId, p.name(), p.content().length, p.sha256(), p.archiveName()));
        }
        events.publishEvent(new FileProgress.Received(fileRequestId));
        events.publishEvent(new SubmissionReceived(submissionId, fileRequestId));
        audit.record(actor.name(), actor.roleName(), schoolId, "UPLOAD", "submission " + submissionId,
                "request " + fileRequestId + " version " + version + ": " + received.size() + " file(s), "
                        + String.join(", ", received.stream().map(f -> f.name() + " " + f.sha256()).toList()));
        Receipt receipt = new Receipt(submissionId, fileRequestId, version, receivedAt, actor.name(), note, received);
        uploadMail.send(actor, schoolId, receipt);
        return receipt;
    }

    /** A file to store: an upload, or one file out of an uploaded zip. */
    private record Prepared(String name, byte[] content, String sha256, String archiveName, String archiveSha256) {
    }

    private List<Prepared> prepare(List<UploadedFile> files) {
        List<UploadedFile> sent = files == null ? List.of()
                : files.stream().filter(f -> f != null && !(isBlank(f.name()) && f.content().length == 0)).toList();
        if (sent.isEmpty()) {
            throw new UploadRefused("Select a CTF file to upload.");
        }
        if (sent.size() > limits.maxFiles()) {
            throw new UploadRefused("Upload at most " + limits.maxFiles() + " files at once.");
        }
        List<Prepared> prepared = new ArrayList<>();
        for (UploadedFile f : sent) {
            String name = isBlank(f.name()) ? "unnamed file" : baseName(f.name());
            if (f.content().length == 0) {
                throw new UploadRefused(name + " is empty (0 bytes). Export the CTF again from your MIS and upload "
                        + "the new file.");
            }
            if (f.content().length > limits.maxFileBytes()) {
                throw new UploadRefused(name + " is larger than the limit of " + limits.maxFileMb() + " MB for one "
                        + "file. A CTF for one school is far smaller: check that this is the right file.");
            }
            UploadedFile named = new UploadedFile(name, f.content());
            if (ZipExpander.isZip(named)) {
                String zipSha = sha256(f.content());
                for (UploadedFile inner : ZipExpander.expand(named, limits)) {
                    if (inner.content().length == 0) {
                        throw new UploadRefused(inner.name() + " in " + name + " is empty (0 bytes). Export the CTF "
                                + "again from your MIS and upload the new file.");
                    }
                    prepared.add(new Prepared(inner.name(), inner.content(), sha256(inner.content()), name, zipSha));
                }
            } else {
                prepared.add(new Prepared(name, f.content(), sha256(f.content()), null, null));
            }
        }
        if (prepared.size() > limits.maxFiles()) {
            throw new UploadRefused("Upload at most " + limits.maxFiles() + " files at once, counting the files "
                    + "inside zips.");
        }
        return prepared;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Browsers used to send the whole path; only the name is the school's business here. */
    private static String baseName(String name) {
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).strip();
        return n.isEmpty() ? "unnamed file" : n.length() > 200 ? n.substring(0, 200) : n;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
