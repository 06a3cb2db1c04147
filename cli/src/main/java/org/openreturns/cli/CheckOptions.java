package org.openreturns.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.items.ItemTable;
import org.openreturns.engine.validation.ValidationOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Options shared by the commands that read returns. */
final class CheckOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--year", paramLabel = "YEAR",
            description = "Summer year of the collection: 2026 means the 2025/26 collections. Default: the academic "
                    + "year today falls in (1 September to 31 August), so last summer's files need --year in the "
                    + "autumn.")
    Integer year;

    @Option(names = "--threshold", paramLabel = "MARK",
            description = "Phonics threshold mark, overriding the published one (32 to 2025, 31 in 2026; unknown "
                    + "later, when outcomes stay provisional).")
    Integer threshold;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output for people (text, the default) or for scripts (json).")
    String format;

    @Option(names = "--items", paramLabel = "FILE",
            description = "An item table (CSV) to use instead of the bundled one, to map an MIS's own codes.")
    Path items;

    @Option(names = "--max-size-mb", paramLabel = "MB", defaultValue = "512",
            description = "Largest file accepted, in MB (default ${DEFAULT-VALUE}).")
    long maxSizeMb;

    private final Clock clock;

    CheckOptions(Clock clock) {
        this.clock = clock;
    }

    CheckOptions() {
        this(Clock.systemDefaultZone());
    }

    /**
     * The year checked: the one asked for, else the current collection year, the academic year today falls in. That is
     * the year whose collections an LA is running or preparing; a file of the summer before is then reported as last
     * year's, with the option that checks it for that year, rather than silently checked for the year it names.
     */
    AcademicYear checkedYear() {
        return year != null ? AcademicYear.ofSummer(year) : AcademicYear.containing(LocalDate.now(clock));
    }

    boolean json() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be text or json, not '" + format + "'");
        }
        return format.equals("json");
    }

    CtfReader reader() {
        return new CtfReader(maxSizeMb * 1024 * 1024);
    }

    ValidationOptions validationOptions() {
        ValidationOptions options = ValidationOptions.defaults();
        if (year != null && (year < 2000 || year > 2100)) {
            throw new ParameterException(spec.commandLine(), "--year must be a summer year such as 2026, not " + year);
        }
        options = options.withYear(checkedYear());
        if (threshold != null) {
            if (threshold < 0 || threshold > 40) {
                throw new ParameterException(spec.commandLine(), "--threshold must be a mark from 0 to 40, not "
                        + threshold);
            }
            options = options.withPhonicsThreshold(threshold);
        }
        if (items != null) {
            try (Reader r = Files.newBufferedReader(items, StandardCharsets.UTF_8)) {
                options = options.withItems(ItemTable.parse(items.toString(), r));
            } catch (IOException | IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--items " + items + ": " + e.getMessage());
            }
        }
        return options;
    }
}
