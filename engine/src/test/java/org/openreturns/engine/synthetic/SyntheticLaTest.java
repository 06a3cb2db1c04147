package org.openreturns.engine.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.validation.FileReport;
import org.openreturns.engine.validation.ReturnValidator;
import org.openreturns.engine.validation.ValidationOptions;

class SyntheticLaTest {

    private static final AcademicYear YEAR = AcademicYear.ofSummer(2026);
    private static final String CROSS_FILE = DefectKind.CROSSFILE_UPN_IN_TWO_SCHOOLS.code();

    private final ReturnValidator validator = new ReturnValidator(new CtfReader(),
            ValidationOptions.defaults().withYear(YEAR));

    @Test
    void everyFindingIsInTheAnswerKeyAndEveryKeyRowIsFound(@TempDir Path dir) throws IOException {
        GenerationResult result = SyntheticLa.generate(settings(12, 40, 0.1), dir);
        assertKeyMatchesFindings(result, dir, YEAR);
    }

    @Test
    void aYearWithoutAPublishedThresholdStillMatchesItsKey(@TempDir Path dir) throws IOException {
        AcademicYear later = AcademicYear.ofSummer(2027);
        GenerationResult result = SyntheticLa.generate(settings(4, 20, 0.1).withYear(later), dir);

        assertThat(result.defects()).extracting(InjectedDefect::code).contains(SyntheticLa.THRESHOLD_UNKNOWN)
                .doesNotContain(DefectKind.PHONICS_OUTCOME_INCONSISTENT.code());
        assertKeyMatchesFindings(result, dir, later);
    }

    private void assertKeyMatchesFindings(GenerationResult result, Path dir, AcademicYear year) throws IOException {
        ReturnValidator validator = new ReturnValidator(new CtfReader(), ValidationOptions.defaults().withYear(year));

        List<List<String>> key = readKey(dir.resolve(SyntheticLa.ANSWER_KEY));
        assertThat(key).as("key file matches the result").hasSize(result.defects().size());
        assertThat(key).anySatisfy(row -> {
            assertThat(row.get(2)).isEqualTo(CROSS_FILE);
            assertThat(row.get(0)).contains("|");
        });

        Map<String, FileReport> reports = validateAll(validator, result.files());
        Map<List<String>, Integer> expected = new HashMap<>();
        for (List<String> row : key) {
            if (!row.get(2).equals(CROSS_FILE)) {
                expected.merge(row, 1, Integer::sum);
            }
        }
        Map<List<String>, Integer> found = new HashMap<>();
        for (FileReport report : reports.values()) {
            for (Finding f : report.findings()) {
                String upn = f.upn() == null ? "" : f.upn();
                found.merge(List.of(report.fileName(), upn, f.code(), f.item() == null ? "" : f.item()), 1,
                        Integer::sum);
            }
        }
        assertThat(expected).isNotEmpty();
        assertThat(found).as("findings (left) against the answer key (right)").isEqualTo(expected);
    }

    @Test
    void theCrossFilePupilIsInBothFiles(@TempDir Path dir) throws IOException {
        GenerationResult result = SyntheticLa.generate(settings(3, 20, 0.1), dir);
        Map<String, FileReport> reports = validateAll(result.files());

        List<InjectedDefect> crossFile = result.defects().stream().filter(d -> d.code().equals(CROSS_FILE)).toList();
        assertThat(crossFile).hasSize(SyntheticLa.COLLECTIONS.size());
        for (InjectedDefect d : crossFile) {
            String[] files = d.file().split("\\|");
            assertThat(files).hasSize(2);
            assertThat(reports.get(files[0]).upns()).contains(d.upn());
            assertThat(reports.get(files[1]).upns()).contains(d.upn());
            assertThat(reports.get(files[0]).collection()).isEqualTo(reports.get(files[1]).collection());
        }
    }

    @Test
    void cleanDataHasNoFindingsAtAll(@TempDir Path dir) throws IOException {
        GenerationResult result = SyntheticLa.generate(settings(8, 30, 0), dir);

        assertThat(result.defects()).isEmpty();
        assertThat(readKey(dir.resolve(SyntheticLa.ANSWER_KEY))).isEmpty();
        assertThat(result.files()).hasSize(8 * SyntheticLa.COLLECTIONS.size());
        Map<String, FileReport> reports = validateAll(result.files());
        for (FileReport report : reports.values()) {
            assertThat(report.readable()).as(report.fileName()).isTrue();
            assertThat(report.findings()).as(report.fileName()).isEmpty();
        }
        Map<Collection, Long> byCollection = reports.values().stream()
                .collect(Collectors.groupingBy(FileReport::collection, TreeMap::new, Collectors.counting()));
        assertThat(byCollection).containsOnlyKeys(Collection.values()).allSatisfy((c, n) -> assertThat(n).isEqualTo(8));
    }

    @Test
    void realSchoolsGetFilesInTheirOwnNameThatAreCleanWhenAskedFor(@TempDir Path dir) throws IOException {
        List<SchoolIdentity> schools = List.of(new SchoolIdentity("330", "2001", "103007", "Oakfield Primary School"),
                new SchoolIdentity("330", "2008", "103020", "Nechells Primary School"));
        GenerationResult result = SyntheticLa.generate(settings(99, 25, 0), schools, dir);

        assertThat(result.files()).hasSize(2 * SyntheticLa.COLLECTIONS.size());
        Path ks2 = dir.resolve(SyntheticLa.fileName(schools.get(1), Collection.KS2_TA));
        assertThat(result.files()).contains(ks2);
        for (FileReport report : validateAll(result.files()).values()) {
            assertThat(report.findings()).as(report.fileName()).isEmpty();
        }
        FileReport report = validateAll(List.of(ks2)).values().iterator().next();
        assertThat(report.header().sourceEstab()).isEqualTo("2008");
        assertThat(report.header().sourceUrn()).isEqualTo("103020");
        assertThat(report.header().schoolName()).isEqualTo("Nechells Primary School");
        assertThat(report.pupils()).isEqualTo(25);
    }

    @Test
    void everyKindOfDefectIsInjected(@TempDir Path dir) throws IOException {
        GenerationResult result = SyntheticLa.generate(settings(12, 40, 0.1), dir);

        Set<String> injected = result.defects().stream().map(InjectedDefect::code).collect(Collectors.toSet());
        Set<String> all = new HashSet<>();
        for (DefectKind kind : DefectKind.values()) {
            all.add(kind.code());
        }
        assertThat(injected).containsExactlyInAnyOrderElementsOf(all);
        assertThat(all).contains("upn.missing", "upn.format", "upn.checkLetter", "upn.laCode", "upn.duplicate",
                "pupil.surnameMissing", "pupil.forenameMissing", "pupil.dobInvalid", "pupil.sexInvalid",
                "pupil.dobOutsideYearGroup", "result.conflict", "eyfsp.elgMissing", "eyfsp.invalidCode",
                "eyfsp.allOrNoneA", "eyfsp.exemption", "phonics.noResult", "phonics.markOutOfRange",
                "phonics.invalidCode", "phonics.markAndCode", "phonics.outcomeInconsistent", "phonics.alreadyMet",
                "ks1.missing", "ks1.invalidCode", "ks2.missing", "ks2.invalidCode", "ks2.leftInconsistent",
                "mtc.missing", "mtc.scoreOutOfRange", "mtc.invalidCode", "file.ctfVersion", "file.academicYear",
                "crossfile.upnInTwoSchools");
        long pupilDefects = result.defects().stream()
                .filter(d -> !d.code().startsWith("file.") && !d.code().equals(CROSS_FILE)).count();
        assertThat((double) pupilDefects / result.pupils()).isBetween(0.07, 0.13);
    }

    @Test
    void theSameSeedGivesTheSameFiles(@TempDir Path dir) throws IOException {
        GenerationResult a = SyntheticLa.generate(settings(3, 15, 0.2), dir.resolve("a"));
        GenerationResult b = SyntheticLa.generate(settings(3, 15, 0.2), dir.resolve("b"));
        GenerationResult c = SyntheticLa.generate(settings(3, 15, 0.2).withSeed(2), dir.resolve("c"));

        assertThat(a.defects()).isEqualTo(b.defects());
        for (int i = 0; i < a.files().size(); i++) {
            assertThat(Files.readAllBytes(a.files().get(i))).isEqualTo(Files.readAllBytes(b.files().get(i)));
        }
        assertThat(Files.readAllBytes(a.files().get(0))).isNotEqualTo(Files.readAllBytes(c.files().get(0)));
    }

    @Test
    void filesAreNamedAsMisNameThem(@TempDir Path dir) throws IOException {
        GenerationResult result = SyntheticLa.generate(settings(2, 5, 0), dir);

        List<String> names = result.files().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).allMatch(n -> n.matches("330[2-3]\\d{3}_(FSP|PHO|KS1|KS2|CTF)_330LLLL_001\\.xml"));
        Map<String, FileReport> reports = validateAll(result.files());
        for (FileReport r : reports.values()) {
            String type = r.fileName().substring(8, 11);
            Collection expected = switch (type) {
                case "FSP" -> Collection.EYFSP;
                case "PHO" -> Collection.PHONICS;
                case "KS1" -> Collection.KS1;
                case "KS2" -> Collection.KS2_TA;
                default -> Collection.MTC;
            };
            assertThat(r.collection()).as(r.fileName()).isEqualTo(expected);
            assertThat(r.header().ctfVersion()).isEqualTo("25.0");
            assertThat(r.header().academicYear()).isEqualTo("2025");
            assertThat(r.header().destEstab()).isEqualTo("LLLL");
            assertThat(r.header().sourceUrn()).matches("\\d{6}");
            assertThat(r.fileName()).startsWith(r.header().dfeNumber());
        }
    }

    @Test
    void aLargeFileIsCleanAndNearTheTargetSize(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("3302000_KS2_330LLLL_001.xml");
        GenerationResult result = SyntheticLa.writeLargeFile(file, "330", YEAR, Collection.PHONICS, 3_000_000, 5);

        assertThat(result.bytes()).isEqualTo(Files.size(file)).isBetween(3_000_000L, 3_200_000L);
        FileReport report = validateAll(List.of(file)).values().iterator().next();
        assertThat(report.collection()).isEqualTo(Collection.PHONICS);
        assertThat((long) report.pupils()).isEqualTo(result.pupils());
        assertThat(report.findings()).isEmpty();
    }

    static GeneratorSettings settings(int schools, int pupils, double errorRate) {
        return GeneratorSettings.defaults().withSchools(schools).withPupilsPerSchool(pupils).withSeed(20260601)
                .withErrorRate(errorRate);
    }

    private Map<String, FileReport> validateAll(List<Path> files) throws IOException {
        return validateAll(validator, files);
    }

    private static Map<String, FileReport> validateAll(ReturnValidator validator, List<Path> files)
            throws IOException {
        Map<String, FileReport> reports = new TreeMap<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                FileReport report = validator.validate(file.getFileName().toString(), in);
                reports.put(report.fileName(), report);
            }
        }
        return reports;
    }

    /** The rows of the answer key, each as [file, upn, code, item]; no field in it needs CSV quoting. */
    static List<List<String>> readKey(Path key) throws IOException {
        List<String> lines = Files.readAllLines(key);
        assertThat(lines.get(0)).isEqualTo("file,upn,code,item");
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line).doesNotContain("\"");
            rows.add(List.of(line.split(",", -1)));
        }
        return rows;
    }
}
