package org.openreturns.server.collections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.identity.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening a whole academic year at once, for the demo seeder and for scripts. */
@Service
public class CollectionSetup {

    private final CollectionService collections;

    CollectionSetup(CollectionService collections) {
        this.collections = collections;
    }

    /**
     * Creates every collection given, with its dates and default scope, skipping kinds the year already has; returns
     * the ids of all the year's collections asked for, new or existing.
     */
    @Transactional
    public List<Long> createYear(int summerYear, Map<Collection, Dates> dates, Actor actor) {
        List<Long> ids = new ArrayList<>();
        for (Map.Entry<Collection, Dates> e : dates.entrySet()) {
            ids.add(collections.create(e.getKey(), summerYear, e.getValue(), actor)
                    .orElseGet(() -> collections.find(e.getKey(), summerYear).orElseThrow().id()));
        }
        return ids;
    }

    /** All five collections with {@link Dates#typical typical dates}. */
    @Transactional
    public List<Long> createYear(int summerYear, Actor actor) {
        Map<Collection, Dates> dates = new java.util.EnumMap<>(Collection.class);
        for (Collection kind : Collection.values()) {
            dates.put(kind, Dates.typical(kind, summerYear));
        }
        return createYear(summerYear, dates, actor);
    }
}
