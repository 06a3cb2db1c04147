package org.openreturns.server.requests;

import org.openreturns.server.collections.FinalFigures;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.openreturns.server.collections.AssessmentCollection;
import org.openreturns.server.collections.CollectionService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a school may send a file for a request: not before its collection opens, and not while the LA's final
 * figures for it stand. After the deadline a school may still send (the request is then {@link Lateness late}).
 */
@Component
public class UploadWindow {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final JdbcClient jdbc;
    private final CollectionService collections;
    private final FinalFigures finalFigures;
    private final Clock clock;

    UploadWindow(JdbcClient jdbc, CollectionService collections, FinalFigures finalFigures, Clock clock) {
        this.jdbc = jdbc;
        this.collections = collections;
        this.finalFigures = finalFigures;
        this.clock = clock;
    }

    /** Why a file cannot be sent for the request now, in words for the school; empty when it can. */
    public Optional<String> whyClosed(long requestId) {
        Optional<Long> collectionId = jdbc.sql("select collection_id from file_request where id = :id")
                .param("id", requestId).query(Long.class).optional();
        Optional<AssessmentCollection> collection = collectionId.flatMap(collections::find);
        if (collection.isEmpty()) {
            return Optional.empty();
        }
        AssessmentCollection c = collection.get();
        LocalDate opens = c.opensOn();
        if (opens != null && LocalDate.now(clock).isBefore(opens)) {
            return Optional.of("The " + c.title() + " collection opens on " + DAY.format(opens) + ". Upload your "
                    + "file on or after that date.");
        }
        if (finalFigures.areFinal(c.id())) {
            return Optional.of("Your local authority has published the final figures for " + c.title() + ", so "
                    + "your return can no longer change. If it needs correcting, contact your local authority: it "
                    + "can reopen the collection.");
        }
        return Optional.empty();
    }
}
