package org.openreturns.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.measures.MeasureBook;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.engine.measures.Suppression;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.validation.FileReport;
import org.openreturns.engine.validation.PupilListener;
import org.openreturns.engine.validation.ReturnValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code openreturns summary}: the headline measures of each school and of all files together, read in the same single
 * pass that validates them. Schools are keyed by their DfE number (LA + establishment).
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Headline measures (GLD, phonics, KS2 writing and science, MTC...) per school and in total.")
final class SummaryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CheckOptions options;

    @Option(names = "--suppress-below", paramLabel = "N", defaultValue = "5",
            description = "Hide a figure whose cohort has fewer than N pupils (default ${DEFAULT-VALUE}; 0 hides none).")
    int suppressBelow;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "CTF files, or folders of them.")
    List<Path> files;

    @Option(names = "--previous", paramLabel = "FILE",
            description = "Last year's phonics CTF file, or a folder of them; repeat for more. With them the re-check "
                    + "rate leaves out pupils who met the standard in Year 1, and the measure 'by the end of Year 2' "
                    + "is given.")
    List<Path> previous;

    @Override
    public Integer call() {
        boolean json = options.json();
        ReturnValidator validator = new ReturnValidator(options.reader(), options.validationOptions());
        MeasureBook book = new MeasureBook(new Suppression(Math.max(0, suppressBelow)));
        Map<String, String> schoolNames = new LinkedHashMap<>();
        List<FileReport> unreadable = new ArrayList<>();
        Integer[] phonicsThreshold = new Integer[1];
        PrintWriter err = spec.commandLine().getErr();
        LastYearsPhonics.Read lastYear = null;
        if (previous != null) {
            // Last year's first: the re-check rate leaves out the pupils they show met in Year 1.
            lastYear = LastYearsPhonics.read(options, previous, book, err);
            unreadable.addAll(lastYear.unreadable());
        }
        Set<Integer> phonicsYears = new TreeSet<>();
        for (Path file : InputFiles.expand(files)) {
            List<FileReport> reports = FileValidation.validate(validator, file, new PupilListener() {
                private PupilListener school;

                @Override
                public void onFileStart(CtfHeader header, ValidationContext context) {
                    school = book.school(header.dfeNumber());
                    if (context.collection() == Collection.PHONICS && phonicsThreshold[0] == null) {
                        phonicsThreshold[0] = context.phonicsThreshold();
                    }
                    school.onFileStart(header, context);
                }

                @Override
                public void onPupil(ValidationContext context, AssessedPupil pupil) {
                    school.onPupil(context, pupil);
                }
            });
            FileReport report = reports.get(0);
            if (!report.readable()) {
                unreadable.add(report);
            } else {
                if (report.collection() == Collection.PHONICS) {
                    phonicsYears.add(report.year().summerYear());
                }
                CtfHeader h = report.header();
                schoolNames.putIfAbsent(h.dfeNumber(), h.schoolName() == null ? h.dfeNumber() : h.schoolName());
            }
        }
        if (lastYear != null) {
            warnIfNotTheYearBefore(lastYear.summerYears(), phonicsYears, err);
        }
        List<MeasureValue> measures = book.results();
        if (previous == null) {
            // Not available without last year's files: left out, so the output is what it was before --previous.
            measures = measures.stream().filter(v -> MeasureBook.cohortBasis(v.id()) == null).toList();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.write(out, previous == null ? Json.measures(measures, phonicsThreshold[0])
                    : Json.measuresWithBasis(measures, phonicsThreshold[0]));
        } else {
            TextReport.measures(out, measures, schoolNames);
            if (previous == null && measures.stream().anyMatch(v -> v.id().startsWith("phonics."))) {
                out.println("Phonics by the end of Year 2: not available (x) without last year's phonics files "
                        + "(--previous).");
            }
        }
        out.flush();
        for (FileReport r : unreadable) {
            err.println(r.fileName() + ": cannot be read: " + r.readError().getMessage());
        }
        err.flush();
        return unreadable.isEmpty() ? ValidateCommand.OK : ValidateCommand.UNREADABLE;
    }

    /** Last year's files of another year would join pupils of the wrong years: say so, naming the years. */
    private static void warnIfNotTheYearBefore(Set<Integer> previousYears, Set<Integer> years, PrintWriter err) {
        for (int year : years) {
            if (!previousYears.contains(year - 1)) {
                err.println("--previous: the phonics files given are for " + labels(previousYears) + ", but the year "
                        + "before " + AcademicYear.ofSummer(year).label() + " is "
                        + AcademicYear.ofSummer(year - 1).label() + ": give that year's files.");
            }
        }
    }

    private static String labels(Set<Integer> years) {
        return years.isEmpty() ? "no year (none could be used)"
                : String.join(", ", years.stream().map(y -> AcademicYear.ofSummer(y).label()).toList());
    }

    static boolean isPercent(String id) {
        return !id.startsWith("eyfsp.avg") && !id.equals("mtc.averageScore");
    }
}
