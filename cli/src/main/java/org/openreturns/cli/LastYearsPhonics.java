package org.openreturns.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.measures.MeasureBook;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.validation.FileReport;
import org.openreturns.engine.validation.PupilListener;
import org.openreturns.engine.validation.ReturnValidator;
import org.openreturns.engine.validation.ValidationOptions;

/**
 * {@code summary --previous}: last year's phonics returns, given to the book before this year's. They are read with
 * last year's own threshold (never {@code --threshold}, which is this year's), and, with {@code --year Y}, as year
 * Y-1. Schools are keyed by DfE number, as this year's are; files of other collections are named and ignored.
 */
final class LastYearsPhonics {

    /** The files that could not be read, and the summer years of the phonics files that could. */
    record Read(List<FileReport> unreadable, Set<Integer> summerYears) {
    }

    private LastYearsPhonics() {
    }

    static Read read(CheckOptions options, List<Path> files, MeasureBook book, PrintWriter err) {
        ValidationOptions thisYear = options.validationOptions();
        ValidationOptions lastYear = new ValidationOptions(
                thisYear.year() == null ? null : AcademicYear.ofSummer(thisYear.year().summerYear() - 1), null,
                thisYear.items(), thisYear.laCodes());
        ReturnValidator validator = new ReturnValidator(options.reader(), lastYear);
        List<FileReport> unreadable = new ArrayList<>();
        Set<Integer> years = new TreeSet<>();
        for (Path file : InputFiles.expand(files)) {
            List<FileReport> reports = FileValidation.validate(validator, file, new PupilListener() {
                private PupilListener school;

                @Override
                public void onFileStart(CtfHeader header, ValidationContext context) {
                    school = context.collection() == Collection.PHONICS ? book.lastYear(header.dfeNumber()) : null;
                }

                @Override
                public void onPupil(ValidationContext context, AssessedPupil pupil) {
                    if (school != null) {
                        school.onPupil(context, pupil);
                    }
                }
            });
            // A mixed file (Year 1/Year 2 with key stage 1) gives a report per collection: its phonics one counts.
            FileReport report = reports.stream().filter(r -> r.collection() == Collection.PHONICS).findFirst()
                    .orElse(reports.get(0));
            if (!report.readable()) {
                unreadable.add(report);
            } else if (report.collection() != Collection.PHONICS) {
                err.println(report.fileName() + ": --previous takes last year's phonics files; this one holds "
                        + (report.collection() == null ? "no recognisable results" : report.collection().title())
                        + ", so it is left out.");
            } else {
                years.add(report.year().summerYear());
            }
        }
        return new Read(unreadable, years);
    }
}
