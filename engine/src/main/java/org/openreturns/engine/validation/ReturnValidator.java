package org.openreturns.engine.validation;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
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
import org.openreturns.engine.rules.FileRule;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.HeaderRule;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.RuleSet;
import org.openreturns.engine.rules.RuleSets;
import org.openreturns.engine.rules.ValidationContext;
import org.openreturns.engine.rules.common.Dates;

/**
 * Reads one CTF, works out from its content which collection and year it is, and checks every pupil against that
 * collection's rules for the year, in one streaming pass.
 *
 * <p>The collection is decided by the first pupils that carry results for the year: pupils are held back until one
 * does (at most {@link #DECIDE_WITHIN} of them, holding at most {@link #HOLD_AT_MOST_RESULTS} results; all of those
 * when the year itself must be read from the results), so that memory stays bounded whatever the size of the file.
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

    public FileReport validate(String fileName, InputStream in, PupilListener... listeners) {
        try (CtfStream stream = reader.open(in)) {
            return new Run(fileName, stream, List.of(listeners)).execute();
        } catch (CtfReadException e) {
            return FileReport.unreadable(fileName, e);
        }
    }

    /** The state of checking one file. */
    private final class Run {
        private final String fileName;
        private final CtfStream stream;
        private final List<PupilListener> listeners;
        private final CtfHeader header;
        private final Findings findings = new Findings();
        private final Set<String> upns = new HashSet<>();
        private final Map<String, Integer> unmapped = new TreeMap<>();
        private int unmappedBeyondKept;
        private final Map<Collection, Integer> otherCollections = new EnumMap<>(Collection.class);
        private AcademicYear year;
        private ItemTable items;
        private ValidationContext context;
        private List<PupilRule> pupilRules;
        private List<FileRule.FileCheck> fileChecks;
        private int pupils;
        /** The year as StageAssessment/Year writes it, made once rather than per result. */
        private String wantedYear;
        private ItemMatcher matcher;
        /** The collection's item count, so that selecting a pupil's results never resizes the map. */
        private int itemCount;
        private int heldResults;

        Run(String fileName, CtfStream stream, List<PupilListener> listeners) {
            this.fileName = fileName;
            this.stream = stream;
            this.listeners = listeners;
            this.header = stream.header();
            this.year = options.year();
            if (year == null && header.academicYearStart() != null) {
                year = AcademicYear.ofStartYear(header.academicYearStart());
            }
        }

        FileReport execute() throws CtfReadException {
            List<CtfPupil> heldBack = new ArrayList<>();
            CtfPupil pupil;
            Collection collection = null;
            if (year == null) {
                // No year from the options or the header: the latest year of recognised results among the first
                // pupils, since the first pupil alone may carry only earlier years' history.
                while (canHoldMore(heldBack) && (pupil = stream.next()) != null) {
                    heldBack.add(pupil);
                    heldResults += pupil.assessments().size();
                    AcademicYear latest = yearOfResults(pupil);
                    if (latest != null && (year == null || latest.compareTo(year) > 0)) {
                        year = latest;
                    }
                }
                for (int i = 0; year != null && collection == null && i < heldBack.size(); i++) {
                    collection = dominantCollection(heldBack.get(i));
                }
            } else {
                while (collection == null && canHoldMore(heldBack) && (pupil = stream.next()) != null) {
                    heldBack.add(pupil);
                    heldResults += pupil.assessments().size();
                    collection = dominantCollection(pupil);
                }
            }
            if (collection == null) {
                // No results for the year: drain the file (to report truncation) and say what it holds instead.
                int count = heldBack.size();
                for (CtfPupil p : heldBack) {
                    tallyUnmapped(p);
                }
                while ((pupil = stream.next()) != null) {
                    count++;
                    if (count <= DECIDE_WITHIN * 2) {
                        tallyUnmapped(pupil);
                    }
                }
                return withoutCollection(count);
            }
            start(collection);
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
            // The latest bundled table knows every current item; an LA's own table may add aliases to it.
            ItemTable any = options.items() != null ? options.items() : ItemTable.forYear(AcademicYear.ofSummer(2100));
            int latest = 0;
            for (StageAssessment a : pupil.assessments()) {
                if (any.match(a) != null && plausibleYear(a.year())) {
                    latest = Math.max(latest, Integer.parseInt(a.year()));
                }
            }
            return latest >= 2000 ? AcademicYear.ofSummer(latest) : null;
        }

        /** A Year in the range an AcademicYear can hold; a Year of 9999 is a typing error, not the return's year. */
        private static boolean plausibleYear(String year) {
            if (year == null || !Dates.isFourDigitYear(year)) {
                return false;
            }
            int y = Integer.parseInt(year);
            return y >= 2000 && y <= 2100;
        }

        private Collection dominantCollection(CtfPupil pupil) {
            ItemTable table = table();
            Map<Collection, Integer> votes = new EnumMap<>(Collection.class);
            String resultYear = Integer.toString(year.summerYear());
            for (StageAssessment a : pupil.assessments()) {
                AssessmentItem item = table.match(a);
                if (item != null && resultYear.equals(a.year())) {
                    votes.merge(item.collection(), 1, Integer::sum);
                }
            }
            return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }

        private ItemTable table() {
            if (items == null) {
                items = options.items() != null ? options.items() : ItemTable.forYear(year);
            }
            return items;
        }

        private void start(Collection collection) {
            wantedYear = Integer.toString(year.summerYear());
            matcher = new ItemMatcher(table());
            itemCount = table().items(collection).size();
            Integer threshold = options.phonicsThreshold() != null ? options.phonicsThreshold()
                    : PhonicsThresholds.forYear(year);
            context = new ValidationContext(collection, year, table(), threshold, options.laCodes());
            RuleSet rules = RuleSets.forCollection(collection, year);
            for (HeaderRule rule : rules.headerRules()) {
                rule.check(header, context, findings);
            }
            pupilRules = rules.pupilRules();
            fileChecks = new ArrayList<>();
            for (FileRule rule : rules.fileRules()) {
                fileChecks.add(rule.start(context));
            }
            for (PupilListener listener : listeners) {
                listener.onFileStart(header, context);
            }
        }

        private void check(CtfPupil raw) {
            pupils++;
            if (raw.upn() != null) {
                upns.add(raw.upn());
            }
            AssessedPupil pupil = select(raw);
            int before = findings.size();
            for (PupilRule rule : pupilRules) {
                rule.check(pupil, context, findings);
            }
            for (FileRule.FileCheck check : fileChecks) {
                check.accept(pupil, findings);
            }
            // The listeners see what the rules found, so that measures count only what a clean return would.
            AssessedPupil checked = pupil.withFindings(findings.since(before));
            for (PupilListener listener : listeners) {
                listener.onPupil(context, checked);
            }
        }

        /** Keeps the results of this collection and year; tallies the ones that match nothing. */
        private AssessedPupil select(CtfPupil raw) {
            SelectedResults byItem = new SelectedResults(itemCount);
            for (StageAssessment a : raw.assessments()) {
                AssessmentItem item = matcher.match(a);
                if (item == null) {
                    // Earlier years' unknown codes are history the LA cannot act on; this year's, or undated, may be
                    // results the table should map.
                    if (a.year() == null || wantedYear.equals(a.year()) || !Dates.isFourDigitYear(a.year())) {
                        tally(a);
                    }
                } else if (wantedYear.equals(a.year())) {
                    if (item.collection() == context.collection()) {
                        byItem.add(item.id(), new ItemResult(item, a.result(), a));
                    } else {
                        otherCollections.merge(item.collection(), 1, Integer::sum);
                    }
                }
            }
            return new AssessedPupil(raw, byItem);
        }

        private void tallyUnmapped(CtfPupil pupil) {
            ItemTable table = year == null ? null : table();
            for (StageAssessment a : pupil.assessments()) {
                if (table == null || table.match(a) == null) {
                    tally(a);
                }
            }
        }

        private void tally(StageAssessment a) {
            String key = a.codeTuple() + " year " + (a.year() == null ? "(none)" : a.year());
            if (unmapped.size() < DISTINCT_UNMAPPED_KEPT || unmapped.containsKey(key)) {
                unmapped.merge(key, 1, Integer::sum);
            } else {
                unmappedBeyondKept++;
            }
        }

        private FileReport finish() {
            for (FileRule.FileCheck check : fileChecks) {
                check.finish(findings);
            }
            if (pupils == 0) {
                findings.addFileLevel(StructuralRule.NO_PUPILS, "The file contains no pupils. Check that you "
                        + "exported the right group of pupils from your MIS, then export the CTF again.");
            }
            reportOtherCollections();
            reportUnmapped();
            return new FileReport(fileName, null, header, context.collection(), year, context.phonicsThreshold(),
                    pupils, findings.list(), Collections.unmodifiableSet(upns));
        }

        private FileReport withoutCollection(int count) {
            if (count == 0) {
                findings.addFileLevel(StructuralRule.NO_PUPILS, "The file contains no pupils. Check that you "
                        + "exported the right group of pupils from your MIS, then export the CTF again.");
            } else {
                String forYear = year == null ? "" : " for " + year.label() + " (summer " + year.summerYear() + ")";
                findings.addFileLevel(StructuralRule.NO_RESULTS, "The file holds " + count + " pupil"
                        + (count == 1 ? "" : "s") + " but no EYFS Profile, phonics, key stage 1, key stage 2 or "
                        + "multiplication tables check results" + forYear + ". Enter the results in your MIS and "
                        + "export the CTF again, choosing the assessment data for this year.");
            }
            reportUnmapped();
            Integer threshold = year == null ? null
                    : options.phonicsThreshold() != null ? options.phonicsThreshold() : PhonicsThresholds.forYear(year);
            return new FileReport(fileName, null, header, null, year, threshold, count, findings.list(), Set.of());
        }

        private void reportOtherCollections() {
            otherCollections.forEach((collection, count) -> findings.addFileLevel(StructuralRule.OTHER_COLLECTION,
                    "The file also holds " + count + " " + collection.title() + " result" + (count == 1 ? "" : "s")
                            + " for " + year.summerYear() + ". They were not checked here: send them in a "
                            + collection.title() + " file of their own."));
        }

        private void reportUnmapped() {
            if (unmapped.isEmpty()) {
                return;
            }
            Map<String, Integer> shown = new LinkedHashMap<>();
            int total = 0;
            for (Map.Entry<String, Integer> e : unmapped.entrySet()) {
                total += e.getValue();
                if (shown.size() < 20) {
                    shown.put(e.getKey(), e.getValue());
                }
            }
            StringBuilder list = new StringBuilder();
            shown.forEach((tuple, n) -> list.append(list.length() == 0 ? "" : "; ").append(tuple).append(" x")
                    .append(n));
            total += unmappedBeyondKept;
            if (unmappedBeyondKept > 0) {
                list.append("; and more than ").append(unmapped.size() - shown.size()).append(" other codes");
            } else if (shown.size() < unmapped.size()) {
                list.append("; and ").append(unmapped.size() - shown.size()).append(" more");
            }
            findings.addFileLevel(StructuralRule.UNMAPPED_RESULTS, total + " result" + (total == 1 ? "" : "s")
                    + " in the file match no assessment item known for the year and were not used "
                    + "(Stage-Subject-Component-Method-ResultQualifier): " + list
                    + ". If one of these should count, ask the LA to add it to the item table.");
        }
    }
}
