package org.openreturns.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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

    @Override
    public Integer call() {
        boolean json = options.json();
        ReturnValidator validator = new ReturnValidator(options.reader(), options.validationOptions());
        MeasureBook book = new MeasureBook(new Suppression(Math.max(0, suppressBelow)));
        Map<String, String> schoolNames = new LinkedHashMap<>();
        List<FileReport> unreadable = new ArrayList<>();
        Integer[] phonicsThreshold = new Integer[1];
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
                CtfHeader h = report.header();
                schoolNames.putIfAbsent(h.dfeNumber(), h.schoolName() == null ? h.dfeNumber() : h.schoolName());
            }
        }
        List<MeasureValue> measures = book.results();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.write(out, Json.measures(measures, phonicsThreshold[0]));
        } else {
            TextReport.measures(out, measures, schoolNames);
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (FileReport r : unreadable) {
            err.println(r.fileName() + ": cannot be read: " + r.readError().getMessage());
        }
        err.flush();
        return unreadable.isEmpty() ? ValidateCommand.OK : ValidateCommand.UNREADABLE;
    }

    static boolean isPercent(String id) {
        return !id.startsWith("eyfsp.avg") && !id.equals("mtc.averageScore");
    }
}
