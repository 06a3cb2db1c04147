package org.openreturns.engine.synthetic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.collection.NcYear;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfWriter;
import org.openreturns.engine.ctf.Upn;

/**
 * Realistic synthetic CTF returns for a whole local authority, for tests, demonstrations and benchmarks: every school
 * sends one file per collection, named as MIS name them (ctf.md §1), with results near the national figures and the
 * earlier years' results real CTFs carry. With an error rate above 0, about that share of pupils get one injected
 * defect each, every kind appears, and {@value #ANSWER_KEY} beside the files lists the finding each defect must cause
 * (and, for a year whose phonics threshold is unpublished, the note each phonics file gets).
 */
public final class SyntheticLa {

    /** The answer key's file name, written beside the CTFs. */
    public static final String ANSWER_KEY = "answer-key.csv";

    /** The note on every phonics return of a year whose threshold is not published; listed in the key too. */
    static final String THRESHOLD_UNKNOWN = "phonics.thresholdUnknown";

    /** The order files are written in for each school; KS1 is optional since 2023/24 but cheap to make. */
    static final List<Collection> COLLECTIONS = List.of(Collection.EYFSP, Collection.PHONICS, Collection.KS1,
            Collection.KS2_TA, Collection.MTC);

    private SyntheticLa() {
    }

    /** Writes the LA's files and answer key into {@code outDir} (created if need be). */
    public static GenerationResult generate(GeneratorSettings settings, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        List<SyntheticSchool> schools = SyntheticSchool.register(settings.la(), settings.schools(),
                new Random(settings.seed() * 7919 + 1));
        return new Run(settings, schools, outDir).execute();
    }

    /**
     * The same for real schools (a portal's demo LA, a load test against a running service): each school's files
     * carry its own LA number, establishment number, URN and name, so that a portal accepts them as that school's.
     * {@code settings.schools()} is ignored; the list decides.
     */
    public static GenerationResult generate(GeneratorSettings settings, List<SchoolIdentity> schools, Path outDir)
            throws IOException {
        if (schools.isEmpty()) {
            throw new IllegalArgumentException("at least one school is needed");
        }
        Files.createDirectories(outDir);
        Random r = new Random(settings.seed() * 7919 + 1);
        List<SyntheticSchool> register = schools.stream()
                .map(s -> new SyntheticSchool(s.la(), s.estab(), s.urn(), s.name(), SyntheticSchool.anyMis(r)))
                .toList();
        return new Run(settings, register, outDir).execute();
    }

    /** The file name a school's return of a collection gets from {@link #generate}. */
    public static String fileName(SchoolIdentity school, Collection collection) {
        return fileName(new SyntheticSchool(school.la(), school.estab(), school.urn(), school.name(), ""),
                collection);
    }

    /**
     * Writes one school's clean file of the collection, of roughly {@code targetBytes} (it stops at the first pupil
     * past it, give or take sixteen pupils), in constant memory: for benchmarks of whole-LA files.
     */
    public static GenerationResult writeLargeFile(Path file, String la, AcademicYear year, Collection collection,
            long targetBytes, long seed) throws IOException {
        Random r = new Random(seed);
        SyntheticSchool school = SyntheticSchool.register(la, 1, r).get(0);
        ChildFactory children = new ChildFactory(la, year);
        ResultModel model = new ResultModel(year);
        long pupils = 0;
        long[] made = {0};
        // Serials have three digits, so the UPNs are spread over as many allocating schools as needed.
        Supplier<String> estab = () -> Integer.toString(2000 + (int) ((made[0]++ / 900) % 8000));
        try (CtfWriter writer = CtfWriter.create(file, header(school, collection, year, r, false, 0))) {
            while (true) {
                SyntheticChild child = children.child(r, yearGroup(collection), la, estab.get());
                if (collection == Collection.PHONICS && r.nextInt(10) == 0) {
                    child = retaker(children, model, r, la, estab);
                }
                writer.write(child.toPupil(model.forCollection(collection, child), model.year()));
                pupils++;
                if (pupils % 16 == 0 && writer.bytesWritten() >= targetBytes) {
                    break;
                }
            }
        }
        return new GenerationResult(List.of(file), List.of(), pupils, Files.size(file));
    }

    private static SyntheticChild retaker(ChildFactory children, ResultModel model, Random r, String la,
            Supplier<String> estab) {
        while (true) {
            SyntheticChild c = children.child(r, new NcYear(2), la, estab.get());
            if (model.retakes(c)) {
                return c;
            }
        }
    }

    /** The year group a collection assesses (reference/rules.md §1); phonics also has Year 2 re-checks. */
    static NcYear yearGroup(Collection collection) {
        return switch (collection) {
            case EYFSP -> NcYear.RECEPTION;
            case PHONICS -> new NcYear(1);
            case KS1 -> new NcYear(2);
            case MTC -> new NcYear(4);
            case KS2_TA -> new NcYear(6);
        };
    }

    /** {@code <LA><ESTAB>_<TYPE>_<LA>LLLL_001.xml}, TYPE FSP, PHO, KS1, KS2, or CTF for MTC (ctf.md §1). */
    static String fileName(SyntheticSchool school, Collection collection) {
        String type = switch (collection) {
            case EYFSP -> "FSP";
            case PHONICS -> "PHO";
            case KS1 -> "KS1";
            case KS2_TA -> "KS2";
            case MTC -> "CTF";
        };
        return school.dfeNumber() + "_" + type + "_" + school.la() + "LLLL_001.xml";
    }

    /**
     * A school-to-LA header (ctf.md §2): partial, exported in June of the summer, supplier the school's MIS (the MTC
     * service for MTC files). A version defect writes 19.0; a year defect shifts the header's AcademicYear.
     */
    static CtfHeader header(SyntheticSchool school, Collection collection, AcademicYear year, Random r,
            boolean oldVersion, int yearShift) {
        LocalDateTime when = LocalDateTime.of(year.summerYear(), 6, 8 + r.nextInt(20), 8 + r.nextInt(9),
                r.nextInt(60), r.nextInt(60));
        return new CtfHeader(oldVersion ? "19.0" : CtfWriter.versionFor(year.startYear()), when.toString(),
                "partial", collection == Collection.MTC ? "Multiplication Tables Check" : school.mis(), school.la(),
                school.estab(), school.urn(), school.name(), Integer.toString(year.startYear() + yearShift),
                school.la(), "LLLL");
    }

    /** One generation: the LA's schools, then each school's files in turn. */
    private static final class Run {
        private final GeneratorSettings settings;
        private final Path outDir;
        private final List<SyntheticSchool> schools;
        private final ChildFactory children;
        private final ResultModel model;
        /** Defects are drawn from their own stream, so the clean data are the same whatever the error rate. */
        private final Random defects;
        private final Map<Collection, Deque<DefectKind>> cycles = new EnumMap<>(Collection.class);
        private final Map<Collection, Set<String>> upnsWritten = new EnumMap<>(Collection.class);
        private final Map<Collection, CtfPupil> movers = new EnumMap<>(Collection.class);
        private final boolean[][] oldVersion;
        private final int[][] yearShift;
        private final List<Path> files = new ArrayList<>();
        private final List<InjectedDefect> key = new ArrayList<>();
        private long pupils;
        private long bytes;

        Run(GeneratorSettings settings, List<SyntheticSchool> schools, Path outDir) {
            this.settings = settings;
            this.outDir = outDir;
            this.schools = schools;
            this.children = new ChildFactory(settings.la(), settings.year());
            this.model = new ResultModel(settings.year());
            this.defects = new Random(settings.seed() * 104729 + 3);
            for (Collection c : COLLECTIONS) {
                // Year 2 re-checks are about one pupil in ten, so the one kind only they can have goes first.
                List<DefectKind> kinds = new ArrayList<>(DefectKind.pupilKinds(c));
                if (kinds.remove(DefectKind.PHONICS_ALREADY_MET)) {
                    kinds.add(0, DefectKind.PHONICS_ALREADY_MET);
                }
                cycles.put(c, new ArrayDeque<>(kinds));
                upnsWritten.put(c, new HashSet<>());
            }
            oldVersion = new boolean[schools.size()][COLLECTIONS.size()];
            yearShift = new int[schools.size()][COLLECTIONS.size()];
            planFileDefects();
        }

        /** Now and then a header from an old MIS or the wrong year; at least one of each when defects are wanted. */
        private void planFileDefects() {
            double rate = settings.errorRate();
            if (rate == 0) {
                return;
            }
            boolean anyVersion = false;
            boolean anyYear = false;
            for (int s = 0; s < schools.size(); s++) {
                for (int c = 0; c < COLLECTIONS.size(); c++) {
                    if (defects.nextDouble() < rate / 4) {
                        oldVersion[s][c] = true;
                        anyVersion = true;
                    }
                    if (defects.nextDouble() < rate / 4) {
                        yearShift[s][c] = defects.nextBoolean() ? -1 : 1;
                        anyYear = true;
                    }
                }
            }
            if (!anyVersion) {
                oldVersion[0][0] = true;
            }
            if (!anyYear) {
                yearShift[schools.size() - 1][COLLECTIONS.size() - 1] = -1;
            }
        }

        GenerationResult execute() throws IOException {
            for (int s = 0; s < schools.size(); s++) {
                writeSchool(s);
            }
            writeKey();
            return new GenerationResult(files, key, pupils, bytes);
        }

        private void writeSchool(int s) throws IOException {
            SyntheticSchool school = schools.get(s);
            Random r = new Random(settings.seed() * 1_000_003L + s);
            Map<Integer, List<SyntheticChild>> cohorts = new java.util.TreeMap<>();
            for (int nc : new int[] {0, 1, 2, 4, 6}) {
                List<SyntheticChild> cohort = new ArrayList<>(settings.pupilsPerSchool());
                for (int i = 0; i < settings.pupilsPerSchool(); i++) {
                    cohort.add(children.child(r, new NcYear(nc), school, schools));
                }
                cohorts.put(nc, cohort);
            }
            for (int c = 0; c < COLLECTIONS.size(); c++) {
                Collection collection = COLLECTIONS.get(c);
                List<CtfPupil> list = new ArrayList<>();
                for (SyntheticChild child : cohorts.get(yearGroup(collection).value())) {
                    list.add(child.toPupil(model.forCollection(collection, child), model.year()));
                }
                if (collection == Collection.PHONICS) {
                    for (SyntheticChild child : cohorts.get(2)) {
                        if (model.retakes(child)) {
                            list.add(child.toPupil(model.phonics(child), model.year()));
                        }
                    }
                }
                // MIS export pupils in name order.
                list.sort(Comparator.comparing(CtfPupil::surname).thenComparing(CtfPupil::forename));
                Set<CtfPupil> exempt = crossFileMover(s, collection, list, r);
                writeFile(school, c, list, exempt, r);
            }
        }

        /**
         * With defects wanted, one pupil of the first school's return of each collection also appears in the second
         * school's (a mover both schools still list): the cross-file check must find it in both.
         */
        private Set<CtfPupil> crossFileMover(int s, Collection collection, List<CtfPupil> list, Random r) {
            Set<CtfPupil> exempt = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            if (settings.errorRate() == 0 || schools.size() < 2 || s > 1) {
                return exempt;
            }
            if (s == 0) {
                CtfPupil mover = list.get(list.size() / 2);
                movers.put(collection, mover);
                exempt.add(mover);
            } else {
                CtfPupil mover = movers.get(collection);
                list.add(defects.nextInt(list.size() + 1), mover);
                exempt.add(mover);
                key.add(new InjectedDefect(fileName(schools.get(0), collection) + "|" + fileName(schools.get(1),
                        collection), mover.upn(), DefectKind.CROSSFILE_UPN_IN_TWO_SCHOOLS.code(), null));
            }
            return exempt;
        }

        private void writeFile(SyntheticSchool school, int c, List<CtfPupil> list, Set<CtfPupil> exempt, Random r)
                throws IOException {
            Collection collection = COLLECTIONS.get(c);
            int s = schools.indexOf(school);
            String name = fileName(school, collection);
            Path file = outDir.resolve(name);
            CtfHeader header = header(school, collection, settings.year(), r, oldVersion[s][c], yearShift[s][c]);
            if (oldVersion[s][c]) {
                key.add(new InjectedDefect(name, null, DefectKind.FILE_CTF_VERSION.code(), null));
            }
            if (yearShift[s][c] != 0) {
                key.add(new InjectedDefect(name, null, DefectKind.FILE_ACADEMIC_YEAR.code(), null));
            }
            if (collection == Collection.PHONICS && model.threshold() == null) {
                // Not a defect but what every phonics file of a year without a published threshold is told.
                key.add(new InjectedDefect(name, null, THRESHOLD_UNKNOWN, null));
            }
            DefectInjector injector = new DefectInjector(collection, model);
            Set<String> used = upnsWritten.get(collection);
            List<String> earlier = new ArrayList<>();
            try (CtfWriter writer = CtfWriter.create(file, header)) {
                for (CtfPupil clean : list) {
                    CtfPupil pupil = clean;
                    DefectKind kind = null;
                    boolean wanted = defects.nextDouble() < settings.errorRate();
                    if (wanted && !exempt.contains(clean)) {
                        kind = nextKind(collection, injector, clean, earlier);
                        DefectInjector.Injection injection = injector.apply(kind, clean, defects, earlier, used);
                        pupil = injection.pupil();
                        key.add(new InjectedDefect(name, pupil.upn(), kind.code(), injection.item()));
                    }
                    writer.write(pupil);
                    pupils++;
                    if (pupil.upn() != null && !pupil.upn().isEmpty()) {
                        used.add(pupil.upn());
                    }
                    boolean upnIntact = kind == null || !kind.code().startsWith("upn.");
                    if (upnIntact && !exempt.contains(clean) && Upn.hasValidCheckLetter(pupil.upn())) {
                        earlier.add(pupil.upn());
                    }
                }
            }
            files.add(file);
            bytes += Files.size(file);
        }

        /**
         * The next kind in the collection's cycle that fits the pupil. A kind that does not fit stays at the front,
         * so that every kind comes round once enough pupils have had a defect.
         */
        private DefectKind nextKind(Collection collection, DefectInjector injector, CtfPupil pupil,
                List<String> earlier) {
            Deque<DefectKind> cycle = cycles.get(collection);
            for (Iterator<DefectKind> it = cycle.iterator(); it.hasNext(); ) {
                DefectKind kind = it.next();
                if (injector.applies(kind, pupil, earlier)) {
                    it.remove();
                    cycle.addLast(kind);
                    return kind;
                }
            }
            throw new IllegalStateException("No defect fits " + pupil.describe());
        }

        private void writeKey() throws IOException {
            try (BufferedWriter w = Files.newBufferedWriter(outDir.resolve(ANSWER_KEY), StandardCharsets.UTF_8)) {
                w.write(InjectedDefect.CSV_HEADER);
                w.newLine();
                for (InjectedDefect d : key) {
                    w.write(d.toCsv());
                    w.newLine();
                }
            }
        }
    }
}
