package org.openreturns.server.submissions;

import org.openreturns.engine.collection.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How the check tells submissions what it found: the one way a version's status, counts and its files' contents
 * (collection, year, read error) change after receipt, so that the submission tables keep one writer. Called inside
 * the check's transactions.
 */
@Service
public class CheckOutcomes {

    static final String COULD_NOT_CHECK = "We could not check this upload. The LA has been told and will be in "
            + "touch; you do not need to upload it again.";

    private final JdbcClient jdbc;
    private final UploadMail uploadMail;

    CheckOutcomes(JdbcClient jdbc, UploadMail uploadMail) {
        this.jdbc = jdbc;
        this.uploadMail = uploadMail;
    }

    public void started(long submissionId) {
        setStatus(submissionId, SubmissionStatus.CHECKING);
    }

    /** What one stored file turned out to be; {@code readError} null when it could be read. */
    public void fileRead(long fileId, Collection collection, Integer summerYear, String readError) {
        jdbc.sql("""
                update submission_file set collection = :collection, summer_year = :year, read_error = :error
                where id = :id""")
                .param("collection", collection == null ? null : collection.name())
                .param("year", summerYear)
                .param("error", readError)
                .param("id", fileId)
                .update();
    }

    /**
     * The version's findings and pupils are written. The first time a version is checked, whoever sent it is told
     * by mail; a re-check (a new phonics threshold, say) tells no one.
     */
    public void finished(long submissionId, int pupils, int errors, int queries, int unexplainedQueries) {
        boolean firstCheck = jdbc.sql("select processed_at is null from submission where id = :id")
                .param("id", submissionId).query(Boolean.class).single();
        jdbc.sql("""
                update submission set status = :status, pupils = :pupils, errors = :errors, queries = :queries,
                       processed_at = now(), failure_message = null
                where id = :id""")
                .param("status", SubmissionStatus.CHECKED.name()).param("pupils", pupils).param("errors", errors)
                .param("queries", queries).param("id", submissionId).update();
        if (firstCheck) {
            uploadMail.checked(submissionId, pupils, errors, unexplainedQueries);
        }
    }

    /** The check gave up after its retries: the school is told the LA knows, and the file is kept. */
    public void failed(long submissionId) {
        jdbc.sql("update submission set status = :status, failure_message = :message where id = :id")
                .param("status", SubmissionStatus.FAILED.name()).param("message", COULD_NOT_CHECK)
                .param("id", submissionId).update();
    }

    private void setStatus(long submissionId, SubmissionStatus status) {
        jdbc.sql("update submission set status = :status where id = :id")
                .param("status", status.name()).param("id", submissionId).update();
    }
}
