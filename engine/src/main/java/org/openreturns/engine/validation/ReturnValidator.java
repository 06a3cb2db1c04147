package org.openreturns.engine.validation;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.collection.NcYear;
import org.openreturns.engine.collection.PhonicsThresholds;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.ctf.CtfPupil;
import org.openreturns.engine.ctf.CtfReadException;
import org.openreturns.engine.ctf.CtfReader;
import org.openreturns.engine.ctf.CtfStream;
import org.openreturns.engine.ctf.StageAssessment;
import org.openreturns.engine.items.AssessmentItem;
import org.openreturns.engine.items.ItemTable;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.Dates;

/**
 * Reads one CTF, works out from its content which collections and year it holds, and checks every pupil against the
 * rules of each collection it belongs to, in one streaming pass. MIS exports are often of a whole phase, so one file
 * may carry phonics and KS1, or MTC and KS2 TA: each collection present is checked as a return of its own.
 *
 * <p>A pupil belongs to each collection it has results for in the year; a pupil with none belongs to the collection
 * its year group is assessed in, or else to the file's main collection (the one most of its first pupils have results
 * for), so that no pupil goes unchecked and none is told a collection it is not in is missing. The year and the
 * collections present are decided by the first pupils: up to {@link #DECIDE_WITHIN} of them, holding at most
 * {@link #HOLD_AT_MOST_RESULTS} results, are held back, so that memory stays bounded whatever the size of the file. A
 * collection whose first results come later is checked from that pupil on.
 */
public final class ReturnValidator {

    /** A return whose first this-many pupils hold no result for the year is taken to hold none. */
    static final int DECIDE_WITHIN = 500;
    /** Nor are more results than this held back: a few hundred pupils' full records, whatever a crafted file holds. */
    static final int HOLD_AT_MOST_RESULTS = 50_000;
    /** Distinct unmapped code tuples kept by name; a crafted file could otherwise make a new one per result. */
    static final int DISTINCT_UNMAPPED_KEPT = 1_000;

    private final CtfReader reader;
    private final ValidationOptions options;

    public ReturnValidator(CtfReader reader, ValidationOptions options) {
        this.reader = reader;
        this.options = options;
    }

    /**
     * One report for the file: its main collection's (the one most of its first pupils have results for), noting in
     * one finding per other collection the results it did not check. Listeners see the main collection's pupils only.
     */
    public FileReport validate(String fileName, InputStream in, PupilListener... listeners) {
        return validate(fileName, in, null, listeners);
    }

    /**
     * The report of the {@code wanted} collection, noting what else the file holds; when the file has no results for
     * it, the report of its main collection (so a caller can tell the file is not the return it wanted). Listeners see
     * only the wanted collection's pupils. A null {@code wanted} means the main collection.
     */
    public FileReport validate(String fileName, InputStream in, Collection wanted, PupilListener... listeners) {
        Outcome outcome = run(fileName, in, false, wanted, listeners);
        List<FileReport> reports = outcome.reports();
        if (reports.size() == 1) {
            return reports.get(0);
        }
        FileReport chosen = reports.stream().filter(r -> r.collection() == wanted).findFirst()
                .orElse(reports.get(0));
        return FileNotes.withOtherCollections(chosen, reports, outcome.results());
    }

    /**
     * One report per collection the file has results for, in {@link Collection} order (one report without a
     * collection when it has none, or the file cannot be read). Listeners see every pupil once per collection it
     * belongs to, with that collection's context.
     */
    public List<FileReport> validateAll(String fileName, InputStream in, PupilListener... listeners) {
        return run(fileName, in, true, null, listeners).reports();
    }

    /** The reports of a run, and how many results of the year each collection had. */
    private record Outcome(List<FileReport> reports, Map<Collection, Integer> results) {
    }

    /** The reports of every collection, the main one first unless {@code all} asks for {@link Collection} order. */
    private Outcome run(String fileName, InputStream in, boolean all, Collection wanted,
            PupilListener[] listeners) {
        try (CtfStream stream = reader.open(in)) {
            Run run = new Run(fileName, stream, all, wanted, List.of(listeners));
            List<FileReport> reports = run.execute();
            Map<Collection, Integer> results = new EnumMap<>(Collection.class);
            run.checks.forEach((c, check) -> results.put(c, check.results()));
            return new Outcome(reports, results);
        } catch (CtfReadException e) {
            return new Outcome(List.of(FileReport.unreadable(fileName, e)), Map.of());
        }
    }

    /** Where the year being checked came from, to say so when the results are for another. */
    private enum YearSource { OPTIONS, HEADER, RESULTS }

    /** The state of checking one file. */
    private final class Run {
        private final String fileName;
        private final CtfStream stream;
        private final boolean all;
        private final List<PupilListener> listeners;
        private final CtfHeader header;
        private final UnmappedResults unmapped = new UnmappedResults(DISTINCT_UNMAPPED_KEPT);
        /** Recognised results by summer year, to say which year a file without results for the year holds. */
        private final TreeMap<Integer, Integer> resultsByYear = new TreeMap<>();
        private final Map<Collection, CollectionCheck> checks = new EnumMap<>(Collection.class);
        private final Map<Collection, Integer> itemCounts = new EnumMap<>(Collection.class);
        private Collection listened;
        private Collection main;
        private AcademicYear year;
        private YearSource yearSource;
        private ItemTable items;
        private Integer threshold;
        /** The year as StageAssessment/Year writes it, made once rather than per result. */
        private String wantedYear;
        private ItemMatcher matcher;
        private int heldResults;

        Run(String fileName, CtfStream stream, boolean all, Collection wanted, List<PupilListener> listeners) {
            this.fileName = fileName;
            this.stream = stream;
            this.all = all;
            this.listened = wanted;
            this.listeners = listeners;
            this.header = stream.header();
            this.year = options.year();
            yearSource = YearSource.OPTIONS;
            if (year == null && header.academicYearStart() != null) {
                year = AcademicYear.ofStartYear(header.academicYearStart());
                yearSource = YearSource.HEADER;
            }
        }

        List<FileReport> execute() throws CtfReadException {
            List<CtfPupil> heldBack = new ArrayList<>();
            CtfPupil pupil;
            while (canHoldMore(heldBack) && (pupil = stream.next()) != null) {
                heldBack.add(pupil);
                heldResults += pupil.assessments().size();
            }
            if (year == null) {
                // No year from the options or the header: the latest year of recognised results among the first
                // pupils, since the first pupil alone may carry only earlier years' history.
                for (CtfPupil p : heldBack) {
                    AcademicYear latest = yearOfResults(p);
                    if (latest != null && (year == null || latest.compareTo(year) > 0)) {
                        year = latest;
                        yearSource = YearSource.RESULTS;
                    }
                }
            }
            main = year == null ? null : mainCollection(heldBack);
            if (main == null) {
                return List.of(withoutCollection(heldBack));
            }
            if (listened == null && !all) {
                listened = main;
            }
            wantedYear = Integer.toString(year.summerYear());
            matcher = new ItemMatcher(table());
            threshold = options.phonicsThreshold() != null ? options.phonicsThreshold()
                    : PhonicsThresholds.forYear(year);
            for (Collection c : collectionsOf(heldBack)) {
                checkOf(c);
            }
            for (CtfPupil p : heldBack) {
                check(p);
            }
            heldBack = null;
            while ((pupil = stream.next()) != null) {
                check(pupil);
            }
            return finish();
        }

        private boolean canHoldMore(List<CtfPupil> heldBack) {
            return heldBack.size() < DECIDE_WITHIN && heldResults < HOLD_AT_MOST_RESULTS;
        }

        private AcademicYear yearOfResults(CtfPupil pupil) {
            int latest = 0;
            for (StageAssessment a : pupil.assessments()) {
                if (anyYearTable().match(a) != null && plausibleYear(a.year())) {
                    latest = Math.max(latest, Integer.parseInt(a.year()));
                }
            }
            return latest >= 2000 ? AcademicYear.ofSummer(latest) : null;
        }

        /** The latest bundled table knows every current item; an LA's own table may add aliases to it. */
        private ItemTable anyYearTable() {
            return options.items() != null ? options.items() : ItemTable.forYear(AcademicYear.ofSummer(2100));
        }

        /** A Year in the range an AcademicYear can hold; a Year of 9999 is a typing error, not the return's year. */
        private static boolean plausibleYear(String year) {
            if (year == null || !Dates.isFourDigitYear(year)) {
                return false;
            }
            int y = Integer.parseInt(year);
            return y >= 2000 && y <= 2100;
        }

        /** The collection most of the held pupils have results for in the year; null when none has any. */
        private Collection mainCollection(List<CtfPupil> heldBack) {
            Map<Collection, Integer> pupils = new EnumMap<>(Collection.class);
            for (CtfPupil p : heldBack) {
                for (Collection c : collectionsOf(p)) {
                    pupils.merge(c, 1, Integer::sum);
                }
            }
            Collection best = null;
            for (Map.Entry<Collection, Integer> e : pupils.entrySet()) {
                if (best == null || e.getValue() > pupils.get(best)) {
                    best = e.getKey();
                }
            }
            return best;
        }

        private Set<Collection> collectionsOf(List<CtfPupil> pupils) {
            Set<Collection> found = EnumSet.noneOf(Collection.class);
            pupils.forEach(p -> found.addAll(collectionsOf(p)));
            return found;
        }

        private Set<Collection> collectionsOf(CtfPupil pupil) {
            Set<Collection> found = EnumSet.noneOf(Collection.class);
            String resultYear = Integer.toString(year.summerYear());
            for (StageAssessment a : pupil.assessments()) {
                AssessmentItem item = table().match(a);
                if (item != null && resultYear.equals(a.year())) {
                    found.add(item.collection());
                }
            }
            return found;
        }

        private ItemTable table() {
            if (items == null) {
                items = options.items() != null ? options.items() : ItemTable.forYear(year);
            }
            return items;
        }

        private CollectionCheck checkOf(Collection collection) {
            return checks.computeIfAbsent(collection, c -> new CollectionCheck(
                    new ValidationContext(c, year, table(), threshold, options.laCodes()), header,
                    all || c == listened ? listeners : List.of()));
        }

        private int itemCount(Collection collection) {
            return itemCounts.computeIfAbsent(collection, c -> table().items(c).size());
        }

        /** Selects the pupil's results of the year by collection, then checks the pupil in each it belongs to. */
        private void check(CtfPupil raw) {
            Map<Collection, SelectedResults> byCollection = null;
            for (StageAssessment a : raw.assessments()) {
                AssessmentItem item = matcher.match(a);
                if (item == null) {
                    // Earlier years' unknown codes are history the LA cannot act on; this year's, or undated, may be
                    // results the table should map.
                    if (a.year() == null || wantedYear.equals(a.year()) || !Dates.isFourDigitYear(a.year())) {
                        unmapped.tally(a);
                    }
                } else if (wantedYear.equals(a.year())) {
                    if (byCollection == null) {
                        byCollection = new EnumMap<>(Collection.class);
                    }
                    byCollection.computeIfAbsent(item.collection(), c -> new SelectedResults(itemCount(c)))
                            .add(item.id(), new ItemResult(item, a.result(), a));
                }
            }
            if (byCollection == null) {
                Collection home = home(raw);
                checkOf(home).check(new AssessedPupil(raw, new SelectedResults(itemCount(home))), false);
                return;
            }
            byCollection.forEach((c, results) -> checkOf(c).check(new AssessedPupil(raw, results), true));
        }

        /**
         * Where a pupil without results of the year belongs: the collection present that assesses their year group
         * (a Year 2 pupil is in KS1 when the file carries it, since every Year 2 pupil has KS1 results but only some
         * retake phonics), else the file's main collection, whose rules then say what is missing.
         */
        private Collection home(CtfPupil raw) {
            Optional<NcYear> group = NcYear.parse(raw.ncYearActual());
            if (group.isPresent()) {
                for (Collection c : List.of(Collection.KS1, Collection.PHONICS, Collection.EYFSP, Collection.MTC,
                        Collection.KS2_TA)) {
                    if (checks.containsKey(c) && CollectionCheck.assesses(c, group.get())) {
                        return c;
                    }
                }
            }
            return main;
        }

        private void tallyUnmapped(CtfPupil pupil) {
            ItemTable table = year == null ? null : table();
            for (StageAssessment a : pupil.assessments()) {
                if (table == null || table.match(a) == null) {
                    unmapped.tally(a);
                }
                if (year != null && table.match(a) != null && plausibleYear(a.year())) {
                    resultsByYear.merge(Integer.parseInt(a.year()), 1, Integer::sum);
                }
            }
        }

        private List<FileReport> finish() {
            Findings fileWide = new Findings();
            unmapped.report(fileWide);
            List<FileReport> reports = new ArrayList<>();
            checks.values().forEach(check -> reports.add(check.finish(fileName, header, fileWide.list())));
            if (!all) {
                // The main collection first, for the callers that want one report.
                reports.sort((a, b) -> Boolean.compare(b.collection() == main, a.collection() == main));
            }
            return reports;
        }

        /** No results for the year: drain the file (to report truncation) and say what it holds instead. */
        private FileReport withoutCollection(List<CtfPupil> heldBack) throws CtfReadException {
            int count = heldBack.size();
            for (CtfPupil p : heldBack) {
                tallyUnmapped(p);
            }
            CtfPupil pupil;
            while ((pupil = stream.next()) != null) {
                count++;
                if (count <= DECIDE_WITHIN * 2) {
                    tallyUnmapped(pupil);
                }
            }
            Findings findings = new Findings();
            AcademicYear resultsYear = latestOtherYear();
            if (count == 0) {
                findings.addFileLevel(StructuralRule.NO_PUPILS, "The file contains no pupils. Check that you "
                        + "exported the right group of pupils from your MIS, then export the CTF again.");
            } else if (resultsYear != null) {
                findings.addFileLevel(StructuralRule.RESULTS_FOR_ANOTHER_YEAR, FileNotes.resultsForAnotherYear(count, year,
                        yearSource == YearSource.HEADER, header.academicYearStart(), resultsYear));
            } else {
                String forYear = year == null ? "" : " for " + year.label() + " (summer " + year.summerYear() + ")";
                findings.addFileLevel(StructuralRule.NO_RESULTS, "The file holds " + count + " pupil"
                        + (count == 1 ? "" : "s") + " but no EYFS Profile, phonics, key stage 1, key stage 2 or "
                        + "multiplication tables check results" + forYear + ". Enter the results in your MIS and "
                        + "export the CTF again, choosing the assessment data for this year.");
            }
            unmapped.report(findings);
            Integer phonicsThreshold = year == null ? null
                    : options.phonicsThreshold() != null ? options.phonicsThreshold() : PhonicsThresholds.forYear(year);
            return new FileReport(fileName, null, header, null, year, phonicsThreshold, count, findings.list(),
                    Set.of(), resultsYear);
        }

        /** The latest year the file has recognised results for, when it has none for the year checked. */
        private AcademicYear latestOtherYear() {
            if (year == null || resultsByYear.containsKey(year.summerYear())) {
                // Results for the year after the pupils that decide: the file is not simply another year's.
                return null;
            }
            return resultsByYear.isEmpty() ? null : AcademicYear.ofSummer(resultsByYear.lastKey());
        }
    }
}
