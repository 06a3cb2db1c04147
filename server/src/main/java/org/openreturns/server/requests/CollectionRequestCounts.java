package org.openreturns.server.requests;

import java.util.HashMap;
import java.util.Map;
import org.openreturns.server.collections.RequestCounts;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.simple.JdbcClient;

@Component
class CollectionRequestCounts implements RequestCounts {

    private final JdbcClient jdbc;

    CollectionRequestCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Counts> byCollection() {
        Map<Long, Counts> counts = new HashMap<>();
        jdbc.sql("""
                select collection_id, count(*), count(*) filter (where status = :accepted)
                from file_request group by collection_id""")
                .param("accepted", RequestStatus.ACCEPTED.name())
                .query(rs -> {
                    counts.put(rs.getLong(1), new Counts(rs.getInt(2), rs.getInt(3)));
                });
        return counts;
    }
}
