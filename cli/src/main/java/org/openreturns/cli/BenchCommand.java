package org.openreturns.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.ctf.SafeXml;
import org.openreturns.engine.measures.MeasureBook;
import org.openreturns.engine.measures.Suppression;
import org.openreturns.engine.synthetic.GenerationResult;
import org.openreturns.engine.synthetic.GeneratorSettings;
import org.openreturns.engine.synthetic.SyntheticLa;
import org.openreturns.engine.validation.FileReport;
import org.openreturns.engine.validation.ReturnValidator;
import org.openreturns.engine.validation.ValidationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code openreturns bench}: how much checking costs on top of parsing. It generates an LA's returns, loads the bytes
 * into memory (so the disk is out of the measurement), and times, in alternating rounds, (a) a bare StAX pass with the
 * same parser and settings, visiting every element and its text, and (b) the full read, validate and measure. The
 * last line is the median over rounds of (b)/(a), each round's two passes timed back to back.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time a bare StAX parse against full read+validate+measure over a generated LA.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--schools", defaultValue = "100", paramLabel = "N", description = "Schools (default ${DEFAULT-VALUE}).")
    int schools;

    @Option(names = "--pupils-per-school", defaultValue = "60", paramLabel = "M",
            description = "Pupils per year group per school (default ${DEFAULT-VALUE}).")
    int pupilsPerSchool;

    @Option(names = "--rounds", defaultValue = "15", paramLabel = "R",
            description = "Measured rounds of each, after 3 warm-up rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--error-rate", defaultValue = "0.02", paramLabel = "R",
            description = "Share of pupils with an injected defect, so that findings are really made (default ${DEFAULT-VALUE}).")
    double errorRate;

    @Override
    public Integer call() throws IOException, XMLStreamException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("openreturns-bench");
        List<byte[]> files = new ArrayList<>();
        long pupils;
        try {
            GenerationResult generated = SyntheticLa.generate(new GeneratorSettings("330", schools, pupilsPerSchool,
                    AcademicYear.ofSummer(2026), 1, errorRate), dir);
            for (Path p : generated.files()) {
                files.add(Files.readAllBytes(p));
            }
            pupils = generated.pupils();
        } finally {
            deleteTree(dir);
        }
        long bytes = files.stream().mapToLong(b -> b.length).sum();
        double mb = bytes / 1048576.0;
        out.printf("files: %d, pupils: %d, size: %.1f MB%n", files.size(), pupils, mb);
        out.flush();

        XMLInputFactory factory = SafeXml.inputFactory();
        ReturnValidator validator = new ReturnValidator(new CtfReader(),
                ValidationOptions.defaults().withYear(AcademicYear.ofSummer(2026)));
        for (int i = 0; i < 3; i++) {
            parse(factory, files);
            validate(validator, files);
        }
        resetPeaks();
        long[] parseNanos = new long[rounds];
        long[] validateNanos = new long[rounds];
        long findings = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            parse(factory, files);
            long t1 = System.nanoTime();
            findings = validate(validator, files);
            long t2 = System.nanoTime();
            parseNanos[i] = t1 - t0;
            validateNanos[i] = t2 - t1;
        }
        double parseSeconds = median(parseNanos) / 1e9;
        double validateSeconds = median(validateNanos) / 1e9;
        // Each round times both passes back to back, so their ratio within a round is little disturbed by what else
        // the machine is doing; the median of those ratios is the figure reported.
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratios[i] = (double) validateNanos[i] / parseNanos[i];
        }
        java.util.Arrays.sort(ratios);
        double ratio = rounds % 2 == 1 ? ratios[rounds / 2] : (ratios[rounds / 2 - 1] + ratios[rounds / 2]) / 2;
        out.printf("bare StAX pass:      median %7.1f ms  %9.0f pupils/s  %6.1f MB/s%n", parseSeconds * 1000,
                pupils / parseSeconds, mb / parseSeconds);
        out.printf("read+validate+measure: median %5.1f ms  %9.0f pupils/s  %6.1f MB/s  (%d findings)%n",
                validateSeconds * 1000, pupils / validateSeconds, mb / validateSeconds, findings);
        out.printf("rounds: %d (after 3 warm-up), JVM: %s, heap max: %d MB%n", rounds,
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / 1048576);
        out.printf("peak heap: %.1f MB (includes the %.1f MB of files held in memory)%n", peakHeap() / 1048576.0, mb);
        out.printf("ratio of medians: %.2f; per-round ratios: min %.2f, max %.2f%n", validateSeconds / parseSeconds,
                ratios[0], ratios[rounds - 1]);
        out.printf("validate/parse ratio: %.2f%n", ratio);
        out.flush();
        return 0;
    }

    /** Every event, every element name and every text's characters: what any StAX-based reader must at least do. */
    static long parse(XMLInputFactory factory, List<byte[]> files) throws XMLStreamException {
        long checksum = 0;
        for (byte[] file : files) {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(file));
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    checksum += xml.getLocalName().length();
                } else if (event == XMLStreamConstants.CHARACTERS) {
                    checksum += xml.getTextCharacters().length + xml.getTextLength();
                }
            }
            xml.close();
        }
        return checksum;
    }

    static long validate(ReturnValidator validator, List<byte[]> files) {
        MeasureBook book = new MeasureBook(new Suppression(5));
        long findings = 0;
        int i = 0;
        for (byte[] file : files) {
            FileReport r = validator.validate("file" + (i++), new ByteArrayInputStream(file), book.school("s" + i));
            findings += r.findings().size();
        }
        book.results();
        return findings;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
