package org.openreturns.server.reports.calculations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.server.PortalTest;
import org.openreturns.server.accounts.UserRepository;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.openreturns.server.submissions.SubmissionIntake;
import org.openreturns.server.submissions.UploadedFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.openreturns.server.testing.Fixtures;

/** A report's figures are the engine's own count of the same files, per school and in total, suppression included. */
@PortalTest
class MeasuresTest {

    @Autowired
    Fixtures f;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    SubmissionIntake intake;

    @Autowired
    Measures measures;

    @Test
    void eachSchoolAndTheLaTotalEqualTheEnginesCountAndASmallSchoolIsSuppressed() throws Exception {
        long collection = f.collection(Collection.KS2_TA);
        TestSchool big = f.upload(collection, f.school(collection, "Alder Primary School"), 25, 11);
        TestSchool other = f.upload(collection, f.school(collection, "Birch Primary School"), 18, 12);
        TestSchool small = f.upload(collection, f.school(collection, "Cedar Primary School"), 3, 13);
        TestSchool notSent = f.school(collection, "Damson Primary School");

        Measures.Report report = measures.of(collection).orElseThrow();

        List<MeasureValue> expected = Fixtures.engineCount(List.of(big, other, small), 5);
        assertThat(expected).isNotEmpty();
        for (MeasureValue e : expected) {
            MeasureValue actual = e.school() == null ? report.la(e.id()).orElseThrow()
                    : report.school(Long.parseLong(e.school()), e.id()).orElseThrow();
            assertThat(actual).as(e.id() + " of " + e.school()).isEqualTo(e);
        }
        assertThat(report.headings()).extracting(Measures.Heading::id)
                .containsExactlyElementsOf(expected.stream().filter(v -> v.school() == null).map(MeasureValue::id)
                        .toList());
        assertThat(report.schools()).extracting(Measures.ReportedSchool::schoolId)
                .containsExactly(big.id(), other.id(), small.id());
        assertThat(report.reported(notSent.id())).isEmpty();
        assertThat(report.headings()).allSatisfy(h -> {
            MeasureValue v = report.school(small.id(), h.id()).orElseThrow();
            assertThat(v.suppressed()).as(h.id()).isEqualTo(v.denominator() > 0);
            assertThat(v.value()).isNull();
        });
        assertThat(report.school(big.id(), report.headings().get(0).id()).orElseThrow().value()).isNotNull();
        assertThat(report.pupils()).hasSize(25 + 18 + 3);
        assertThat(report.toString()).as("no pupil data in logs").contains("46 pupils")
                .doesNotContain(report.pupils().get(0).pupil().upn());
    }

    @Test
    void aNewVersionReplacesTheSchoolsEarlierFiguresAndTheOthersStay() throws Exception {
        long collection = f.collection(Collection.KS2_TA);
        TestSchool stays = f.upload(collection, f.school(collection, "Hazel Primary School"), 15, 51);
        TestSchool changes = f.upload(collection, f.school(collection, "Holly Primary School"), 15, 52);
        measures.of(collection).orElseThrow();
        TestSchool changed = f.upload(collection, changes, 22, 53);

        Measures.Report report = measures.of(collection).orElseThrow();

        for (MeasureValue e : Fixtures.engineCount(List.of(stays, changed), 5)) {
            MeasureValue actual = e.school() == null ? report.la(e.id()).orElseThrow()
                    : report.school(Long.parseLong(e.school()), e.id()).orElseThrow();
            assertThat(actual).as(e.id() + " of " + e.school()).isEqualTo(e);
        }
        assertThat(report.school(changed.id(), report.headings().get(0).id()).orElseThrow().denominator())
                .isEqualTo(22);
    }

    @Test
    void theSuppressionThresholdIsTheLasSettingAndTheReportFollowsAChange() throws Exception {
        long collection = f.collection(Collection.KS2_TA);
        TestSchool small = f.upload(collection, f.school(collection, "Elm Primary School"), 3, 21);
        String id = measures.of(collection).orElseThrow().headings().get(0).id();
        assertThat(measures.of(collection).orElseThrow().school(small.id(), id).orElseThrow().suppressed()).isTrue();
        int before = measures.suppressBelow();
        try {
            jdbc.sql("update report_setting set suppress_below = 0").update();
            MeasureValue shown = measures.of(collection).orElseThrow().school(small.id(), id).orElseThrow();
            assertThat(shown.suppressed()).isFalse();
            assertThat(shown).isEqualTo(Fixtures.engineCount(List.of(small), 0).stream()
                    .filter(v -> v.id().equals(id) && v.school() != null).findFirst().orElseThrow());
        } finally {
            jdbc.sql("update report_setting set suppress_below = :n").param("n", before).update();
        }
    }

    @Test
    void aFileRefusedAsAnotherSchoolsCountsNowhere() throws Exception {
        long collection = f.collection(Collection.KS2_TA);
        TestSchool good = f.upload(collection, f.school(collection, "Fir Primary School"), 10, 31);
        TestSchool wrong = f.school(collection, "Gorse Primary School");
        // Gorse sends Fir's file: the checks refuse it, so it must not count for Gorse nor twice for the LA.
        f.awaitChecked(intake.receive(Actor.system("report test"), wrong.requestId(),
                List.of(new UploadedFile("fir.xml", good.file())), null).submissionId());
        assertThat(jdbc.sql("select status from file_request where id = :id").param("id", wrong.requestId())
                .query(String.class).single()).isEqualTo("FAILED_CHECKS");
        Measures.Report report = measures.of(collection).orElseThrow();
        assertThat(report.bySchool().get(wrong.id())).isNull();
        List<MeasureValue> expected = Fixtures.engineCount(List.of(good), 5);
        expected.stream().filter(v -> v.school() == null)
                .forEach(e -> assertThat(report.la(e.id()).orElseThrow()).isEqualTo(e));
    }
}
