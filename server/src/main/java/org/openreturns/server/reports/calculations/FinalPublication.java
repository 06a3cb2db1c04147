package org.openreturns.server.reports.calculations;

import org.openreturns.server.collections.FinalFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the features below reports (uploads, the LA's decisions on requests) whether a collection's figures are
 * published as final, through their own {@link FinalFigures} interface, so that they never import reports.
 */
@Component
class FinalPublication implements FinalFigures {

    private final JdbcClient jdbc;

    FinalPublication(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean areFinal(long collectionId) {
        return jdbc.sql("select exists (select 1 from report_publication where collection_id = :c and state = 'FINAL')")
                .param("c", collectionId).query(Boolean.class).single();
    }
}
