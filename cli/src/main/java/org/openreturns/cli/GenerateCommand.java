package org.openreturns.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.synthetic.GenerationResult;
import org.openreturns.engine.synthetic.GeneratorSettings;
import org.openreturns.engine.synthetic.SyntheticLa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code openreturns generate}: realistic synthetic returns for a whole LA, for demos, tests and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write synthetic CTF returns for a whole LA (fictional pupils), optionally with injected "
                + "defects and an answer key (answer-key.csv).")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the files to.")
    Path out;

    @Option(names = "--la", defaultValue = "330", paramLabel = "CODE", description = "LA code (default ${DEFAULT-VALUE}).")
    String la;

    @Option(names = "--schools", defaultValue = "20", paramLabel = "N", description = "Schools (default ${DEFAULT-VALUE}).")
    int schools;

    @Option(names = "--pupils-per-school", defaultValue = "30", paramLabel = "M",
            description = "Pupils per year group per school (default ${DEFAULT-VALUE}).")
    int pupilsPerSchool;

    @Option(names = "--year", defaultValue = "2026", paramLabel = "YEAR",
            description = "Summer year (default ${DEFAULT-VALUE}, the 2025/26 collections).")
    int year;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--error-rate", defaultValue = "0", paramLabel = "R",
            description = "Share of pupils given one injected defect, 0 to 1 (default ${DEFAULT-VALUE}).")
    double errorRate;

    @Option(names = "--single-file-mb", paramLabel = "MB",
            description = "Instead of an LA, write one clean file of about this size (for memory tests).")
    Integer singleFileMb;

    @Option(names = "--collection", defaultValue = "EYFSP", paramLabel = "C",
            description = "Collection of the --single-file-mb file: EYFSP, PHONICS, KS1, KS2_TA or MTC.")
    String collection;

    @Override
    public Integer call() throws IOException {
        if (!la.matches("\\d{3}")) {
            throw new ParameterException(spec.commandLine(), "--la must be a 3-digit LA code, not '" + la + "'");
        }
        if (errorRate < 0 || errorRate > 1) {
            throw new ParameterException(spec.commandLine(), "--error-rate must be from 0 to 1");
        }
        if (schools < 1 || pupilsPerSchool < 1) {
            throw new ParameterException(spec.commandLine(), "--schools and --pupils-per-school must be at least 1");
        }
        if (year < 2022 || year > 2100) {
            throw new ParameterException(spec.commandLine(), "--year must be 2022 or later (the reformed EYFS Profile)");
        }
        Files.createDirectories(out);
        PrintWriter console = spec.commandLine().getOut();
        if (singleFileMb != null) {
            Collection c = Collection.parse(collection).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--collection must be one of EYFSP, PHONICS, KS1, KS2_TA, MTC"));
            Path file = out.resolve("large-" + c.name().toLowerCase(java.util.Locale.ROOT) + "-" + singleFileMb + "mb.xml");
            SyntheticLa.writeLargeFile(file, la, AcademicYear.ofSummer(year), c, singleFileMb * 1024L * 1024L, seed);
            console.printf("Wrote %s (%.1f MB)%n", file, Files.size(file) / 1048576.0);
            return 0;
        }
        GenerationResult result = SyntheticLa.generate(
                new GeneratorSettings(la, schools, pupilsPerSchool, AcademicYear.ofSummer(year), seed, errorRate), out);
        console.printf("Wrote %d files for %d schools (%d pupils, %.1f MB) to %s%n", result.files().size(), schools,
                result.pupils(), result.bytes() / 1048576.0, out);
        if (errorRate > 0) {
            console.printf("Injected %d defects; the answer key is %s%n", result.defects().size(),
                    out.resolve("answer-key.csv"));
        }
        console.flush();
        return 0;
    }
}
