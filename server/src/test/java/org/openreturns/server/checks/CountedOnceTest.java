package org.openreturns.server.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.PortalTest;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.submissions.SubmissionIntake;
import org.openreturns.server.submissions.UploadedFile;
import org.openreturns.server.testing.Ctf;
import org.openreturns.server.testing.Fixtures;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the check stores for the measures (pupil_outcome) counts each pupil once, as a clean return would: a UPN's
 * repeat record, in the same file or another file of the version, is not stored again (issue 10 item 3).
 */
@PortalTest
class CountedOnceTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubmissionIntake intake;

    @Autowired
    Fixtures fixtures;

    @Test
    void aUpnTwiceInOneFileIsStoredForTheMeasuresOnce() {
        long collection = fixtures.collection(Collection.MTC);
        TestSchool school = fixtures.school(collection, "Counted Once Primary");
        byte[] file = Ctf.of(school, Collection.MTC, fixtures.year(collection), 6, pupils -> {
            List<org.openreturns.engine.ctf.CtfPupil> twice = new ArrayList<>(pupils);
            twice.add(pupils.get(0));
            return twice;
        });

        long submission = upload(school, List.of(new UploadedFile("mtc.xml", file)));

        assertThat(fixtures.findingCodes(submission)).contains("upn.duplicate");
        assertThat(outcomes(submission)).isEqualTo(6);
        assertThat(distinctUpns(submission)).isEqualTo(6);
    }

    @Test
    void aUpnInTwoFilesOfOneVersionIsStoredForTheMeasuresOnce() {
        long collection = fixtures.collection(Collection.MTC);
        TestSchool school = fixtures.school(collection, "Counted Once Two Files Primary");
        int year = fixtures.year(collection);
        byte[] all = Ctf.of(school, Collection.MTC, year, 6, pupils -> pupils);
        byte[] firstAgain = Ctf.of(school, Collection.MTC, year, 6, pupils -> List.of(pupils.get(0)));

        long submission = upload(school, List.of(new UploadedFile("mtc-1.xml", all),
                new UploadedFile("mtc-2.xml", firstAgain)));

        assertThat(outcomes(submission)).isEqualTo(6);
        assertThat(distinctUpns(submission)).isEqualTo(6);
    }

    private long upload(TestSchool school, List<UploadedFile> files) {
        long submission = intake.receive(Actor.system("counted once test"), school.requestId(), files, null)
                .submissionId();
        assertThat(fixtures.awaitChecked(submission)).isEqualTo("CHECKED");
        return submission;
    }

    private int outcomes(long submission) {
        return jdbc.sql("select count(*) from pupil_outcome where submission_id = :s").param("s", submission)
                .query(Integer.class).single();
    }

    private int distinctUpns(long submission) {
        return jdbc.sql("select count(distinct upn) from pupil_outcome where submission_id = :s")
                .param("s", submission).query(Integer.class).single();
    }
}
