package org.openreturns.server.reports.calculations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.server.PortalTest;
import org.openreturns.server.testing.Fixtures;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/** Reports count the pupils the check stored; the stored files are never read again. */
@PortalTest
class ReportsFromStoredOutcomesTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.openreturns.server.movers.Movers movers;

    @Autowired
    Fixtures f;

    @Autowired
    ObjectMapper json;

    @Autowired
    GroupReports groups;

    @Test
    void aReportIsTheSameWhenTheStoredBytesAreGone() throws Exception {
        long collection = f.collection(Collection.PHONICS);
        TestSchool ash = f.upload(collection, f.school(collection, "Ash Primary School"), 24, 71);
        TestSchool beech = f.upload(collection, f.school(collection, "Beech Primary School"), 17, 72);
        jdbc.sql("update collection set phonics_threshold = 32 where id = :id").param("id", collection).update();
        Measures.Report before = new Measures(jdbc, json, movers).of(collection).orElseThrow();

        // What the bytes were is of no concern to a report: a fresh Measures, with nothing remembered, must not look.
        jdbc.sql("""
                update submission_file set content = convert_to('not a CTF', 'UTF8')
                where submission_id in (select s.id from submission s join file_request r on r.id = s.file_request_id
                                        where r.collection_id = :c)""").param("c", collection).update();
        Measures.Report after = new Measures(jdbc, json, movers).of(collection).orElseThrow();

        assertThat(after.total()).isEqualTo(before.total());
        assertThat(after.bySchool()).isEqualTo(before.bySchool());
        assertThat(after.pupils().size()).isEqualTo(before.pupils().size()).isGreaterThanOrEqualTo(24 + 17);
        assertThat(after.phonicsThresholdKnown()).isTrue();
        assertThat(groups.of(after).of(null)).isEqualTo(groups.of(before).of(null));
        for (MeasureValue e : Fixtures.engineCount(List.of(ash, beech), after.suppressBelow())) {
            // engineCount reads with no threshold: only the pupils counted can be compared for phonics
            MeasureValue actual = e.school() == null ? after.la(e.id()).orElseThrow()
                    : after.school(Long.parseLong(e.school()), e.id()).orElseThrow();
            assertThat(actual.denominator()).as(e.id() + " of " + e.school()).isEqualTo(e.denominator());
        }
    }
}
