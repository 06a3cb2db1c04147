package org.openreturns.server.checks;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfReadException;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.measures.MeasuredPupil;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Severity;
import org.openreturns.engine.validation.CrossFileCheck;
import org.openreturns.engine.validation.FileReport;
import org.openreturns.engine.validation.ReturnValidator;
import org.openreturns.engine.validation.ValidationOptions;
import org.openreturns.server.submissions.UploadLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's one pass over a version's stored files, as the CLI's validate command runs it (the collections and
 * year read from each file's content): each file's findings and pupils for the request's collection, or its refusal,
 * and the findings across files. The same pass takes what the measures need of each pupil, so that reports never read the files. Writes
 * nothing.
 */
@Component
class EngineRun {

    /** A pupil of an accepted file as pupil tables list them. */
    record PupilRow(String upn, String surname, String forename, LocalDate dob, String sex, String ncYear,
            Map<String, String> results) {
    }

    /**
     * {@code accepted}: the file is readable and for this request, so its own findings and pupils count.
     * {@code measured}: its pupils as the measures count them (each UPN once in the version, without items in error:
     * {@code MeasuredPupil.counted}), when it is this request's return (accepted, and says it is of this collection and
     * year); otherwise none, since no report counts them.
     */
    record FileOutcome(long fileId, FileReport report, boolean accepted, List<Finding> findings,
            List<PupilRow> pupils, List<MeasuredPupil> measured) {
    }

    /** Every file's outcome in the order stored, and the findings that compare accepted files. */
    record Result(List<FileOutcome> files, List<CrossFileCheck.CrossFileFinding> crossFile) {
    }

    private record StoredFile(String name, byte[] content) {
    }

    /** The finding that names the other collections' results a file carried. */
    static final String OTHER_COLLECTION = "file.otherCollection";

    private final JdbcClient jdbc;
    private final UploadLimits limits;

    EngineRun(JdbcClient jdbc, UploadLimits limits) {
        this.jdbc = jdbc;
        this.limits = limits;
    }

    Result run(CheckedVersion version) {
        ValidationOptions options = ValidationOptions.defaults();
        if (version.phonicsThreshold() != null) {
            options = options.withPhonicsThreshold(version.phonicsThreshold());
        }
        ReturnValidator validator = new ReturnValidator(new CtfReader(limits.maxFileBytes()), options);
        List<Long> fileIds = jdbc.sql("select id from submission_file where submission_id = :id order by id")
                .param("id", version.submissionId()).query(Long.class).list();
        List<FileOutcome> outcomes = new ArrayList<>();
        for (long fileId : fileIds) {
            outcomes.add(check(validator, fileId, version.expected()));
        }
        List<FileReport> accepted = outcomes.stream().filter(FileOutcome::accepted).map(FileOutcome::report).toList();
        return new Result(countedOnce(outcomes), accepted.size() > 1 ? CrossFileCheck.check(accepted) : List.of());
    }

    /**
     * A pupil in two files of one version is one pupil of the return (the cross-file query asks the school which
     * record stands): the measures count them once, by their first file, as the engine counts a UPN's repeat record
     * in one file once. Pupils without a UPN cannot be matched, so each counts.
     */
    private static List<FileOutcome> countedOnce(List<FileOutcome> outcomes) {
        Set<String> seen = new HashSet<>();
        List<FileOutcome> counted = new ArrayList<>(outcomes.size());
        for (FileOutcome o : outcomes) {
            List<MeasuredPupil> kept = o.measured().stream().filter(p -> p.upn() == null || seen.add(p.upn()))
                    .toList();
            counted.add(kept.size() == o.measured().size() ? o
                    : new FileOutcome(o.fileId(), o.report(), o.accepted(), o.findings(), o.pupils(), kept));
        }
        return counted;
    }

    private FileOutcome check(ReturnValidator validator, long fileId, RightReturn expected) {
        // One file's bytes at a time: a version may hold many large files.
        StoredFile stored = jdbc.sql("select file_name, content from submission_file where id = :id")
                .param("id", fileId).query((rs, n) -> new StoredFile(rs.getString(1), rs.getBytes(2))).single();
        String name = stored.name();
        List<PupilRow> pupils = new ArrayList<>();
        List<MeasuredPupil> measured = new ArrayList<>();
        // A file may carry several collections (a Year 1/Year 2 export holds phonics and KS1): only the request's
        // collection is this return, so only its pupils are kept.
        List<FileReport> reports = validator.validateAll(name, new ByteArrayInputStream(stored.content()),
                (context, pupil) -> {
                    if (context.collection() == expected.collection()) {
                        pupils.add(row(pupil));
                        MeasuredPupil.counted(context, pupil).ifPresent(measured::add);
                    }
                });
        FileReport report = reports.stream().filter(r -> r.collection() == expected.collection()).findFirst()
                .orElse(reports.get(0));
        if (!report.readable()) {
            CtfReadException e = report.readError();
            String where = e.line() > 0 ? " (line " + e.line() + ", column " + e.column() + ")" : "";
            return new FileOutcome(fileId, report, false, List.of(new Finding(Severity.ERROR, "file.unreadable", null,
                    null, name + " cannot be read: " + e.getMessage() + where, e.line())), List.of(), List.of());
        }
        return expected.judge(report.fileName(), report.header(), report.collection(), report.year())
                .map(refusal -> new FileOutcome(fileId, report, false, List.of(new Finding(Severity.ERROR,
                        refusal.code(), null, null, refusal.message(), 0)), List.<PupilRow>of(),
                        List.<MeasuredPupil>of()))
                .orElseGet(() -> new FileOutcome(fileId, report, true, withOtherCollections(report, reports),
                        pupils, isOfTheReturn(report, expected) ? measured : List.of()));
    }

    /**
     * The return's findings and, once, what else the file carried: results the school must send to the requests of
     * their own collections, since checking this return did not take them in.
     */
    private static List<Finding> withOtherCollections(FileReport report, List<FileReport> reports) {
        List<FileReport> others = reports.stream()
                .filter(r -> r != report && r.collection() != null && r.collection() != report.collection()).toList();
        if (others.isEmpty()) {
            return report.findings();
        }
        StringBuilder held = new StringBuilder();
        for (int i = 0; i < others.size(); i++) {
            FileReport other = others.get(i);
            held.append(i == 0 ? "" : i == others.size() - 1 ? " and " : ", ").append(other.collection().title())
                    .append(" results for ").append(other.pupils()).append(other.pupils() == 1 ? " pupil" : " pupils");
        }
        String sendTo = others.size() == 1 ? "send them to your " + others.get(0).collection().title() + " request"
                : "send each to your request for that collection";
        List<Finding> findings = new ArrayList<>(report.findings());
        findings.add(new Finding(Severity.INFO, OTHER_COLLECTION, null, null, "The file also holds " + held + " for "
                + report.year().summerYear() + ". They were not checked here: " + sendTo + ".", 0));
        return findings;
    }

    private static boolean isOfTheReturn(FileReport report, RightReturn expected) {
        return report.collection() == expected.collection() && report.year() != null
                && report.year().summerYear() == expected.summerYear();
    }

    private static PupilRow row(AssessedPupil assessed) {
        CtfPupil p = assessed.pupil();
        Map<String, String> results = new LinkedHashMap<>();
        assessed.results().keySet().forEach(item -> results.put(item, assessed.value(item)));
        return new PupilRow(p.upn(), p.surname(), p.forename(), date(p.dob()), p.sex(), p.ncYearActual(), results);
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
