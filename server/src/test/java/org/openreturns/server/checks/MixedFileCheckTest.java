package org.openreturns.server.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.ctf.CtfStream;
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
 * A school's MIS exports Year 1 and Year 2 together: uploaded to the phonics request, the file is checked as the
 * phonics return whichever pupil comes first, and the school is told once that its KS1 results belong elsewhere.
 */
@PortalTest
class MixedFileCheckTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SubmissionIntake intake;

    @Autowired
    Fixtures f;

    @Test
    void aYearOneAndTwoExportUploadedToThePhonicsRequestIsCheckedAsPhonicsAndNamesTheKs1ResultsOnce()
            throws Exception {
        TestSchool school = f.school("Mixed Export Primary School");
        long requestId = f.request(school, Collection.PHONICS, 2026);
        List<CtfPupil> yearOne = new ArrayList<>();
        try (CtfStream in = new CtfReader().open(new ByteArrayInputStream(
                Ctf.of(school, Collection.PHONICS, 2026, 12, p -> p)))) {
            CtfPupil p;
            while ((p = in.next()) != null) {
                if ("1".equals(p.ncYearActual())) {
                    yearOne.add(p);
                }
            }
        }
        // The Year 2 pupils (KS1 results only) come first, as an MIS sorting by year group descending writes them.
        byte[] mixed = Ctf.of(school, Collection.KS1, 2026, 12, ks1 -> {
            List<CtfPupil> all = new ArrayList<>(ks1);
            all.addAll(yearOne);
            return all;
        });
        int ks1Pupils = countKs1(mixed);

        long submissionId = intake.receive(Actor.system("test upload"), requestId,
                List.of(new UploadedFile("y1-y2.xml", mixed)), null).submissionId();
        f.awaitChecked(submissionId);

        List<String> codes = f.findingCodes(submissionId);
        assertThat(codes).doesNotContain("upload.wrongCollection", "ks1.missing");
        assertThat(codes).filteredOn("file.otherCollection"::equals).hasSize(1);
        assertThat(jdbc.sql("select message from finding where submission_id = :id and code = 'file.otherCollection'")
                .param("id", submissionId).query(String.class).single())
                .isEqualTo("The file also holds Key stage 1 teacher assessment results for " + ks1Pupils
                        + " pupils for 2026. They were not checked here: send them to your Key stage 1 teacher "
                        + "assessment request.");
        assertThat(jdbc.sql("select pupils from submission where id = :id").param("id", submissionId)
                .query(Integer.class).single()).isEqualTo(yearOne.size());
        assertThat(jdbc.sql("select count(*) from pupil_outcome where submission_id = :id")
                .param("id", submissionId).query(Integer.class).single()).isEqualTo(yearOne.size());
        assertThat(jdbc.sql("select count(*) from pupil_result where submission_id = :id and jsonb_exists(results, 'CHK')")
                .param("id", submissionId).query(Integer.class).single()).isEqualTo(yearOne.size());
    }

    private static int countKs1(byte[] ctf) throws Exception {
        int n = 0;
        try (CtfStream in = new CtfReader().open(new ByteArrayInputStream(ctf))) {
            CtfPupil p;
            while ((p = in.next()) != null) {
                n += "2".equals(p.ncYearActual()) ? 1 : 0;
            }
        }
        return n;
    }
}
