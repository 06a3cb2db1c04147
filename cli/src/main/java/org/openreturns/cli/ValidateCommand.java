package org.openreturns.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openreturns.engine.validation.CrossFileCheck;
import org.openreturns.engine.validation.CrossFileCheck.CrossFileFinding;
import org.openreturns.engine.validation.FileReport;
import org.openreturns.engine.validation.ReturnValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code openreturns validate}: checks each file, for each collection it carries, and the files together. Exit status, for scripts: 0 when no file has
 * errors, 1 when some file has errors, 2 when some file cannot be read at all.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check CTF assessment returns: errors to fix and queries to explain, pupil by pupil.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no file has errors", "1:some file has errors", "2:some file cannot be read", "64:the command line is wrong"})
final class ValidateCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int ERRORS = 1;
    static final int UNREADABLE = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    CheckOptions options;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "CTF files, or folders of them.")
    List<Path> files;

    @Override
    public Integer call() {
        boolean json = options.json();
        ReturnValidator validator = new ReturnValidator(options.reader(), options.validationOptions());
        List<FileReport> reports = new ArrayList<>();
        for (Path file : InputFiles.expand(files)) {
            reports.addAll(FileValidation.validate(validator, file));
        }
        List<CrossFileFinding> crossFile = CrossFileCheck.check(reports);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.write(out, Json.validation(reports, crossFile));
        } else {
            TextReport.validation(out, reports, crossFile);
        }
        out.flush();
        if (json) {
            // The JSON on stdout is the scripts' contract; the way to check last year's file is for the person.
            PrintWriter err = spec.commandLine().getErr();
            reports.stream().filter(r -> r.resultsYear() != null).forEach(r -> err.println(r.fileName() + ": "
                    + TextReport.otherYearHint(r)));
            err.flush();
        }
        return exitStatus(reports);
    }

    static int exitStatus(List<FileReport> reports) {
        if (reports.stream().anyMatch(r -> !r.readable())) {
            return UNREADABLE;
        }
        return reports.stream().anyMatch(FileReport::hasErrors) ? ERRORS : OK;
    }
}
