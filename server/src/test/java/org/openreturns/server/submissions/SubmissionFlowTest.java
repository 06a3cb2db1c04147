package org.openreturns.server.submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openreturns.server.testing.Eventually.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.PortalTest;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.accounts.UserRepository;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.collections.PhonicsThresholdChanged;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.openreturns.server.testing.Ctf;
import org.openreturns.server.testing.Fixtures;

/** A school uploads, gets its receipt at once, and sees its findings pupil by pupil once the background check ends. */
@PortalTest
class SubmissionFlowTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    SubmissionIntake intake;

    @Autowired
    AuditLog audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Fixtures f;

    private long uploadPage(TestSchool school, long requestId, MockMultipartFile... files) throws Exception {
        var request = multipart("/requests/{id}/submissions", requestId).param("comment", "First go");
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        MvcResult result = mvc.perform(request.with(user(school.head())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/submissions/");
        return Long.parseLong(location.substring("/submissions/".length()));
    }

    private static MockMultipartFile xml(String name, byte[] content) {
        return new MockMultipartFile("files", name, "text/xml", content);
    }

    @Test
    void theReceiptIsStoredAtOnceWithEachFilesSha256() {
        TestSchool school = f.school("Receipt Primary School");
        long requestId = f.request(school, Collection.KS2_TA, 2026);
        byte[] ctf = Ctf.of(school, Collection.KS2_TA, 2026, 20, UnaryOperator.identity());
        long uploadsBefore = audit.count("UPLOAD");

        Receipt receipt = intake.receive(Actor.system("test"), requestId,
                List.of(new UploadedFile("C:\\exports\\ks2.xml", ctf)), "  Our KS2 TA  ");

        assertThat(receipt.version()).isEqualTo(1);
        assertThat(receipt.comment()).isEqualTo("Our KS2 TA");
        assertThat(receipt.files()).singleElement().satisfies(file -> {
            assertThat(file.name()).isEqualTo("ks2.xml");
            assertThat(file.sizeBytes()).isEqualTo(ctf.length);
            assertSha(file.sha256(), ctf);
        });
        var stored = jdbc.sql("select sha256, content, size_bytes from submission_file where submission_id = :id")
                .param("id", receipt.submissionId())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getLong(3)}).single();
        assertThat(stored[0]).isEqualTo(receipt.files().get(0).sha256());
        assertThat((byte[]) stored[1]).isEqualTo(ctf);
        assertThat(audit.count("UPLOAD")).isGreaterThan(uploadsBefore);
        assertThat(jdbc.sql("select count(*) from job where kind = 'check-submission' and payload_id = :id")
                .param("id", receipt.submissionId()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void whoeverUploadsOnThePageIsEmailedTheReceiptAndTheFirstChecksOutcomeWithNoPupilData() throws Exception {
        TestSchool school = f.school("Receipt Mail Primary School");
        long requestId = f.request(school, Collection.KS2_TA, 2026);
        byte[] ctf = Ctf.of(school, Collection.KS2_TA, 2026, 12, UnaryOperator.identity());

        long submissionId = uploadPage(school, requestId, xml("ks2-final.xml", ctf));

        String email = school.head().email();
        assertThat(mailTo(email)).first().asString().startsWith("Receipt: ").contains("version 1")
                .contains("ks2-final.xml").contains(SubmissionIntake.sha256(ctf))
                .contains("/submissions/" + submissionId)
                .doesNotContain(Ctf.upnOfQueryPupil(ctf));

        // Then the first check's outcome, once, with counts and never a pupil.
        assertThat(f.awaitChecked(submissionId)).isEqualTo("CHECKED");
        await("the check's outcome mailed to " + email).until(() -> mailTo(email).size() >= 2);
        int[] counts = jdbc.sql("select errors, queries from submission where id = :id").param("id", submissionId)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
        String outcome = counts[0] > 0 ? " to correct" : counts[1] > 0 ? " to explain" : "The LA can now accept it.";
        assertThat(mailTo(email)).hasSize(2).last().asString().startsWith("Checked: ")
                .contains("has been checked: 12 pupils, ").contains(outcome)
                .contains("/submissions/" + submissionId).doesNotContain(Ctf.upnOfQueryPupil(ctf));
    }

    private List<String> mailTo(String address) {
        return jdbc.sql("select subject || '\n' || body from outbox_mail where to_address = :to order by id")
                .param("to", address).query(String.class).list();
    }

    @Test
    void theCheckRunsInTheBackgroundAndFindingsAppearPupilByPupil() throws Exception {
        TestSchool school = f.school("Findings Primary School");
        long requestId = f.request(school, Collection.KS2_TA, 2026);
        byte[] ctf = Ctf.of(school, Collection.KS2_TA, 2026, 60, p -> Ctf.withQuery(Ctf.withError(p)));

        long submissionId = uploadPage(school, requestId, xml("ks2.xml", ctf));
        assertThat(f.awaitChecked(submissionId)).isEqualTo("CHECKED");

        assertThat(f.findingCodes(submissionId)).contains("pupil.surnameMissing", "pupil.dobOutsideYearGroup");
        var counts = jdbc.sql("select pupils, errors, queries from submission where id = :id").param("id", submissionId)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).single();
        assertThat(counts[0]).isEqualTo(60);
        assertThat(counts[1]).isPositive();
        assertThat(counts[2]).isPositive();
        assertThat(jdbc.sql("select count(*) from pupil_result where submission_id = :id").param("id", submissionId)
                .query(Integer.class).single()).isEqualTo(60);
        assertThat(jdbc.sql("""
                select count(*) from pupil_result where submission_id = :id and jsonb_typeof(results) = 'object'
                  and results <> '{}'::jsonb""").param("id", submissionId).query(Integer.class).single())
                .isEqualTo(60);
        assertThat(f.requestStatus(requestId)).isEqualTo("FAILED_CHECKS");

        long viewsBefore = audit.count("VIEW_FINDINGS");
        mvc.perform(get("/submissions/{id}", submissionId).with(user(school.head())))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Refresh"))
                .andExpect(content().string(containsString(Ctf.upnOfQueryPupil(ctf))))
                .andExpect(content().string(containsString("Errors to fix")))
                .andExpect(content().string(containsString("Explain why this result is right")))
                .andExpect(content().string(containsString(SubmissionIntake.sha256(ctf))));
        assertThat(audit.count("VIEW_FINDINGS")).isGreaterThan(viewsBefore);

        mvc.perform(get("/requests/{id}", requestId).with(user(school.head())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Version 1 (current)")))
                .andExpect(content().string(containsString("Failed checks")));
        mvc.perform(get("/requests").with(user(school.head())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Key stage 2 teacher assessment 2026")));
    }

    @Test
    void aFileForAnotherSchoolCollectionOrYearIsRefusedSayingWhatItIsAndWhatWasExpected() throws Exception {
        TestSchool school = f.school("Expected Primary School");
        long requestId = f.request(school, Collection.KS2_TA, 2026);
        byte[] otherSchool = Ctf.of("330", "2001", "Oakfield Primary School", Collection.KS2_TA, 2026, 10,
                UnaryOperator.identity());
        byte[] otherCollection = Ctf.of(school, Collection.KS1, 2026, 10, UnaryOperator.identity());
        byte[] otherYear = Ctf.of(school, Collection.KS2_TA, 2025, 10, UnaryOperator.identity());

        long submissionId = uploadPage(school, requestId, xml("oakfield.xml", otherSchool),
                xml("ks1.xml", otherCollection), xml("last-year.xml", otherYear));
        f.awaitChecked(submissionId);

        List<String> messages = jdbc.sql("select message from finding where submission_id = :id order by id")
                .param("id", submissionId).query(String.class).list();
        String expected = "but this request is for the Key stage 2 teacher assessment 2026 of Expected Primary School "
                + "(330/" + school.estab() + "). Export the Key stage 2 teacher assessment CTF for 2026 from your MIS "
                + "and upload that.";
        assertThat(messages).containsExactly(
                "oakfield.xml is the Key stage 2 teacher assessment return for 2026 from Oakfield Primary School "
                        + "(330/2001), " + expected,
                "ks1.xml is the Key stage 1 teacher assessment return for 2026 from Expected Primary School (330/"
                        + school.estab() + "), " + expected,
                "last-year.xml is the Key stage 2 teacher assessment return for 2025 from Expected Primary School "
                        + "(330/" + school.estab() + "), " + expected);
        assertThat(f.findingCodes(submissionId)).containsExactly("upload.wrongSchool", "upload.wrongCollection",
                "upload.wrongYear");
        assertThat(jdbc.sql("select pupils from submission where id = :id").param("id", submissionId)
                .query(Integer.class).single()).isZero();
        assertThat(f.requestStatus(requestId)).isEqualTo("FAILED_CHECKS");
    }

    @Test
    void hostileAndBrokenFilesAreStoredButReportedAsUnreadableWithLineAndColumn() throws Exception {
        TestSchool school = f.school("Hostile Primary School");
        long requestId = f.request(school, Collection.KS2_TA, 2026);
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE CTfile [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
                + "<CTfile><Header/><CTFpupilData><Pupil><Surname>&xxe;</Surname></Pupil></CTFpupilData></CTfile>";
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">\n");
        }
        lol.append("]>\n<CTfile><Surname>&lol9;</Surname></CTfile>");
        byte[] binary = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xfe};
        byte[] notCtf = "<html><body>Not a CTF</body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] broken = "<?xml version=\"1.0\"?>\n<CTfile>\n<Header>\n</CTfile>".getBytes(StandardCharsets.UTF_8);

        long submissionId = uploadPage(school, requestId, xml("xxe.xml", xxe.getBytes(StandardCharsets.UTF_8)),
                xml("laughs.xml", lol.toString().getBytes(StandardCharsets.UTF_8)), xml("program.xml", binary),
                xml("page.xml", notCtf), xml("broken.xml", broken));
        assertThat(f.awaitChecked(submissionId)).isEqualTo("CHECKED");

        List<String> messages = jdbc.sql("select message from finding where submission_id = :id order by id")
                .param("id", submissionId).query(String.class).list();
        assertThat(messages).hasSize(5);
        assertThat(messages.get(0)).startsWith("xxe.xml cannot be read:").contains("DOCTYPE", "line 2")
                .doesNotContain("root:");
        assertThat(messages.get(1)).startsWith("laughs.xml cannot be read:").contains("DOCTYPE")
                .doesNotContain("lollol");
        assertThat(messages.get(2)).startsWith("program.xml cannot be read:").contains("not an XML file");
        assertThat(messages.get(3)).startsWith("page.xml cannot be read:");
        assertThat(messages.get(4)).startsWith("broken.xml cannot be read:").containsPattern("line \\d+, column \\d+");
        assertThat(f.findingCodes(submissionId)).containsOnly("file.unreadable");
        mvc.perform(get("/submissions/{id}", submissionId).with(user(school.head())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("xxe.xml cannot be read")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void uploadsThatCannotBeStoredAreRefusedOnThePageWithAClearMessage() throws Exception {
        TestSchool school = f.school("Refused Primary School");
        long requestId = f.request(school, Collection.KS2_TA, 2026);

        refused(school, requestId, null, "Select a CTF file to upload.");
        refused(school, requestId, xml("empty.xml", new byte[0]), "empty.xml is empty (0 bytes)");
        refused(school, requestId, xml("huge.xml", new byte[50 * 1024 * 1024 + 1]),
                "huge.xml is larger than the limit of 50 MB");
        refused(school, requestId, new MockMultipartFile("files", "bomb.zip", "application/zip", ZipFiles.bomb()),
                "bomb.zip unpacks to far more data than a set of CTF files could hold");
        refused(school, requestId, new MockMultipartFile("files", "nested.zip", "application/zip",
                ZipFiles.zip("inner.zip", ZipFiles.zip("a.xml", "<CTfile/>".getBytes(StandardCharsets.UTF_8)))),
                "nested.zip contains another zip (inner.zip)");
        assertThat(jdbc.sql("select count(*) from submission where file_request_id = :id").param("id", requestId)
                .query(Integer.class).single()).isZero();
        assertThat(f.requestStatus(requestId)).isEqualTo("NOT_STARTED");
        mvc.perform(get("/requests/{id}", requestId).param("too-large", "").with(user(school.head())))
                .andExpect(content().string(containsString("The upload was larger than the service accepts")))
                .andExpect(content().string(containsString("govuk-error-summary")));
    }

    private void refused(TestSchool school, long requestId, MockMultipartFile file, String message) throws Exception {
        var request = multipart("/requests/{id}/submissions", requestId);
        if (file != null) {
            request.file(file);
        }
        mvc.perform(request.with(user(school.head())).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is a problem")))
                .andExpect(content().string(containsString(message)))
                .andExpect(content().string(containsString("govuk-form-group--error")));
    }

    @Test
    void aZipOfCtfsIsUnpackedAndEachFileHasItsOwnReceiptLine() throws Exception {
        TestSchool school = f.school("Zip Primary School");
        long requestId = f.request(school, Collection.KS2_TA, 2026);
        byte[] ctf = Ctf.of(school, Collection.KS2_TA, 2026, 15, UnaryOperator.identity());

        long submissionId = uploadPage(school, requestId, new MockMultipartFile("files", "returns.zip",
                "application/zip", ZipFiles.zip("exports/ks2.xml", ctf)));

        assertThat(f.awaitChecked(submissionId)).isEqualTo("CHECKED");
        var file = jdbc.sql("select file_name, archive_name, sha256 from submission_file where submission_id = :id")
                .param("id", submissionId).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        assertThat(file.get(0)).isEqualTo("ks2.xml");
        assertThat(file.get(1)).isEqualTo("returns.zip");
        assertSha(file.get(2), ctf);
        assertThat(jdbc.sql("select pupils from submission where id = :id").param("id", submissionId)
                .query(Integer.class).single()).isEqualTo(15);
    }

    @Test
    void explainingEveryQueryOfAnErrorFreeVersionMakesTheRequestChecked() throws Exception {
        TestSchool school = f.school("Explaining Primary School");
        long requestId = f.request(school, Collection.KS2_TA, 2026);
        byte[] ctf = Ctf.of(school, Collection.KS2_TA, 2026, 20, Ctf::withQuery);
        long submissionId = uploadPage(school, requestId, xml("ks2.xml", ctf));
        f.awaitChecked(submissionId);
        assertThat(f.requestStatus(requestId)).isEqualTo("QUERIES_TO_EXPLAIN");
        List<Long> queries = jdbc.sql("select id from finding where submission_id = :id and severity = 'query'")
                .param("id", submissionId).query(Long.class).list();
        assertThat(queries).isNotEmpty();

        mvc.perform(post("/submissions/{s}/findings/{f}/explanation", submissionId, queries.get(0))
                        .param("explanation", "   ").with(user(school.head())).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select explanation from finding where id = :id").param("id", queries.get(0))
                .query(String.class).optional()).isEmpty().as("a blank explanation is not stored");

        long explainedBefore = audit.count("EXPLAIN_QUERY");
        for (long id : queries) {
            mvc.perform(post("/submissions/{s}/findings/{f}/explanation", submissionId, id)
                            .param("explanation", "Joined us from abroad a year early; confirmed with parents.")
                            .with(user(school.head())).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(audit.count("EXPLAIN_QUERY")).isGreaterThanOrEqualTo(explainedBefore + queries.size());
        assertThat(f.requestStatus(requestId)).isEqualTo("CHECKED");
        mvc.perform(get("/submissions/{id}", submissionId).with(user(school.head())))
                .andExpect(content().string(containsString("Joined us from abroad")))
                .andExpect(content().string(containsString("By Head of Explaining Primary School")));

        // The same query in a new version keeps its explanation, so the school need not explain it twice.
        long second = uploadPage(school, requestId, xml("ks2-again.xml", ctf));
        f.awaitChecked(second);
        assertThat(jdbc.sql("""
                select count(*) from finding where submission_id = :id and severity = 'query' and explanation is null""")
                .param("id", second).query(Integer.class).single()).isZero();
        assertThat(f.requestStatus(requestId)).isEqualTo("CHECKED");
    }

    @Test
    void aCorrectedFileBecomesTheCurrentVersionAndTheOldOneStaysViewable() throws Exception {
        TestSchool school = f.school("Versions Primary School");
        long requestId = f.request(school, Collection.KS2_TA, 2026);
        long first = uploadPage(school, requestId, xml("ks2.xml",
                Ctf.of(school, Collection.KS2_TA, 2026, 20, Ctf::withError)));
        f.awaitChecked(first);
        byte[] corrected = Ctf.of(school, Collection.KS2_TA, 2026, 20, UnaryOperator.identity());
        long second = uploadPage(school, requestId, xml("ks2-fixed.xml", corrected));
        f.awaitChecked(second);

        assertThat(jdbc.sql("select version from submission where id = :id").param("id", second)
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select errors from submission where id = :id").param("id", second)
                .query(Integer.class).single()).isZero();
        assertThat(f.requestStatus(requestId)).isIn("CHECKED", "QUERIES_TO_EXPLAIN");
        mvc.perform(get("/submissions/{id}", first).with(user(school.head())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This is an earlier version")))
                .andExpect(content().string(containsString("Errors to fix")));
        mvc.perform(get("/requests/{id}", requestId).with(user(school.head())))
                .andExpect(content().string(containsString("Version 2 (current)")))
                .andExpect(content().string(containsString("Version 1")));
        long downloads = audit.count("DOWNLOAD_FILE");
        long fileId = jdbc.sql("select id from submission_file where submission_id = :id").param("id", second)
                .query(Long.class).single();
        mvc.perform(get("/submissions/{s}/files/{f}", second, fileId).with(user(school.head())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("ks2-fixed.xml")))
                .andExpect(content().bytes(corrected));
        assertThat(audit.count("DOWNLOAD_FILE")).isGreaterThan(downloads);
    }

    @Test
    void anotherSchoolGets404ForEverythingAndTheLaCanLookButNotUpload() throws Exception {
        TestSchool a = f.school("Owner Primary School");
        TestSchool b = f.school("Nosy Primary School");
        long requestId = f.request(a, Collection.KS2_TA, 2026);
        byte[] ctf = Ctf.of(a, Collection.KS2_TA, 2026, 10, Ctf::withQuery);
        long submissionId = uploadPage(a, requestId, xml("ks2.xml", ctf));
        f.awaitChecked(submissionId);
        long fileId = jdbc.sql("select id from submission_file where submission_id = :id").param("id", submissionId)
                .query(Long.class).single();
        long findingId = jdbc.sql("select id from finding where submission_id = :id limit 1").param("id", submissionId)
                .query(Long.class).single();

        mvc.perform(get("/requests/{id}", requestId).with(user(b.head()))).andExpect(status().isNotFound());
        mvc.perform(get("/submissions/{id}", submissionId).with(user(b.head()))).andExpect(status().isNotFound());
        mvc.perform(get("/submissions/{s}/files/{f}", submissionId, fileId).with(user(b.head())))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/requests/{id}/submissions", requestId).file(xml("x.xml", ctf))
                .with(user(b.head())).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/submissions/{s}/findings/{f}/explanation", submissionId, findingId)
                .param("explanation", "mine now").with(user(b.head())).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/requests").with(user(b.head())))
                .andExpect(content().string(not(containsString("Owner Primary School"))));

        var officer = f.user("officer@demo.openreturns.org");
        mvc.perform(get("/submissions/{id}", submissionId).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Save explanation"))));
        mvc.perform(get("/requests/{id}", requestId).with(user(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Upload and check"))));
        assertThatThrownBy(() -> intake.receive(Actor.of(new org.springframework.security.authentication
                .UsernamePasswordAuthenticationToken(officer, null)), requestId,
                List.of(new UploadedFile("x.xml", ctf)), null)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aNewPhonicsThresholdRechecksTheCurrentVersionWithTheNewMark() throws Exception {
        TestSchool school = f.school("Threshold Primary School");
        // 2027: a year whose threshold is not yet published, and no other test's collection.
        long requestId = f.request(school, Collection.PHONICS, 2027);
        long submissionId = uploadPage(school, requestId, xml("pho.xml",
                Ctf.of(school, Collection.PHONICS, 2027, 30, UnaryOperator.identity())));
        f.awaitChecked(submissionId);
        assertThat(f.findingCodes(submissionId)).contains("phonics.thresholdUnknown");
        var firstCheck = jdbc.sql("select processed_at from submission where id = :id").param("id", submissionId)
                .query(java.time.OffsetDateTime.class).single();

        // The LA sets the year's mark, as STA publishes it in June.
        long collectionId = f.collection(Collection.PHONICS, 2027);
        jdbc.sql("update collection set phonics_threshold = 31 where id = :id").param("id", collectionId).update();
        events.publishEvent(new PhonicsThresholdChanged(collectionId, 2027, 31));

        await("submission " + submissionId + " checked again").until(() -> jdbc
                .sql("select processed_at from submission where id = :id").param("id", submissionId)
                .query(java.time.OffsetDateTime.class).single().isAfter(firstCheck));
        assertThat(f.awaitChecked(submissionId)).isEqualTo("CHECKED");
        assertThat(f.findingCodes(submissionId)).doesNotContain("phonics.thresholdUnknown");
        assertThat(mailTo(school.head().email())).as("a re-check is not mailed again")
                .filteredOn(m -> m.startsWith("Checked: ")).hasSize(1);
    }

    @Test
    void aCheckThatKeepsKillingItsWorkerEndsFailedWithAPlainMessageForTheSchool() throws Exception {
        TestSchool school = f.school("Crashing Primary School");
        long requestId = f.request(school, Collection.KS2_TA, 2026);
        long submissionId = uploadPage(school, requestId, xml("ks2.xml",
                Ctf.of(school, Collection.KS2_TA, 2026, 5, UnaryOperator.identity())));
        f.awaitChecked(submissionId);
        long failuresBefore = audit.count("CHECK_FAILED");

        // As if a worker had died on this job for the third time: the next claim must give up, not run it again.
        jdbc.sql("""
                update job set status = 'RUNNING', attempts = 3, locked_by = 'lost-host/dead:1',
                       locked_at = now() - interval '1 hour'
                where kind = 'check-submission' and payload_id = :id""").param("id", submissionId).update();
        jdbc.sql("update submission set status = 'CHECKING' where id = :id").param("id", submissionId).update();

        assertThat(f.awaitChecked(submissionId)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select status from job where kind = 'check-submission' and payload_id = :id")
                .param("id", submissionId).query(String.class).single()).isEqualTo("FAILED");
        assertThat(audit.count("CHECK_FAILED")).isGreaterThan(failuresBefore);
        mvc.perform(get("/submissions/{id}", submissionId).with(user(school.head())))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Refresh"))
                .andExpect(content().string(containsString("We could not check this upload. The LA has been told")))
                .andExpect(content().string(not(containsString("Abandoned"))));
    }

    private static void assertSha(String sha, byte[] content) {
        assertThat(sha).isEqualTo(SubmissionIntake.sha256(content)).hasSize(64);
    }
}
