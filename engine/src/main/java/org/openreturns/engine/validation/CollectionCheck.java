package org.openreturns.engine.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.collection.NcYear;
import org.openreturns.engine.ctf.CtfHeader;
import org.openreturns.engine.rules.AssessedPupil;
import org.openreturns.engine.rules.FileRule;
import org.openreturns.engine.rules.Finding;
import org.openreturns.engine.rules.Findings;
import org.openreturns.engine.rules.HeaderRule;
import org.openreturns.engine.rules.PupilRule;
import org.openreturns.engine.rules.RuleSet;
import org.openreturns.engine.rules.RuleSets;
import org.openreturns.engine.rules.ValidationContext;

/**
 * The check of one collection's return within a file: its context and rule set, the pupils that belong to it and what
 * the rules found. A file carrying several collections' results has one of these per collection, fed in the same
 * pass; only counters and the UPN set are kept, as for a file of one collection.
 */
final class CollectionCheck {

    private final ValidationContext context;
    private final List<PupilListener> listeners;
    private final Findings findings = new Findings();
    private final Set<String> upns = new HashSet<>();
    private final List<PupilRule> pupilRules;
    private final List<FileRule.FileCheck> fileChecks = new ArrayList<>();
    private final int itemCount;
    private int pupils;
    /** Pupils with this collection's results, as against pupils placed here by their year group. */
    private int withResults;
    /** Results of the year for this collection, to say how many a check of another collection left unchecked. */
    private int results;

    CollectionCheck(ValidationContext context, CtfHeader header, List<PupilListener> listeners) {
        this.context = context;
        this.listeners = listeners;
        this.itemCount = context.items().items(context.collection()).size();
        RuleSet rules = RuleSets.forCollection(context.collection(), context.year());
        for (HeaderRule rule : rules.headerRules()) {
            rule.check(header, context, findings);
        }
        pupilRules = rules.pupilRules();
        for (FileRule rule : rules.fileRules()) {
            fileChecks.add(rule.start(context));
        }
        for (PupilListener listener : listeners) {
            listener.onFileStart(header, context);
        }
    }

    /** Whether the collection assesses the year group (reference/rules.md §1). */
    static boolean assesses(Collection collection, NcYear group) {
        return switch (collection) {
            case EYFSP -> group.value() == 0;
            case PHONICS -> group.value() == 1 || group.value() == 2;
            case KS1 -> group.value() == 2;
            case MTC -> group.value() == 4;
            case KS2_TA -> group.value() == 6;
        };
    }

    Collection collection() {
        return context.collection();
    }

    ValidationContext context() {
        return context;
    }

    int itemCount() {
        return itemCount;
    }

    int pupilsWithResults() {
        return withResults;
    }

    int results() {
        return results;
    }

    void check(AssessedPupil pupil, boolean hasResults) {
        pupils++;
        if (hasResults) {
            withResults++;
            results += pupil.results().values().stream().mapToInt(List::size).sum();
        }
        if (pupil.upn() != null) {
            upns.add(pupil.upn());
        }
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

    /** Ends the file-wide rules and adds the findings about the file as a whole, which every return of it shares. */
    FileReport finish(String fileName, CtfHeader header, List<Finding> fileWide) {
        for (FileRule.FileCheck check : fileChecks) {
            check.finish(findings);
        }
        fileWide.forEach(findings::add);
        return new FileReport(fileName, null, header, context.collection(), context.year(),
                context.phonicsThreshold(), pupils, findings.list(), Collections.unmodifiableSet(upns), null);
    }
}
