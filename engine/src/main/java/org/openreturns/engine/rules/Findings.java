package org.openreturns.engine.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects a file's findings in the order they are found. */
public final class Findings {

    private final List<Finding> list = new ArrayList<>();

    /** A finding about one pupil, and optionally one item of theirs. */
    public void add(Rule rule, AssessedPupil pupil, String item, String message) {
        list.add(new Finding(rule.severity(), rule.code(), pupil.pupil().upn(), item, message, pupil.pupil().line()));
    }

    /** A finding about the file as a whole. */
    public void addFileLevel(Rule rule, String message) {
        list.add(new Finding(rule.severity(), rule.code(), null, null, message, 0));
    }

    public void add(Finding finding) {
        list.add(finding);
    }

    /** How many findings there are so far: pass it to {@link #since(int)} to get the ones a step adds. */
    public int size() {
        return list.size();
    }

    /** The findings added after the first {@code from}, as a copy. */
    public List<Finding> since(int from) {
        return from == list.size() ? List.of() : List.copyOf(list.subList(from, list.size()));
    }

    public List<Finding> list() {
        return Collections.unmodifiableList(list);
    }

    public long count(Severity severity) {
        return list.stream().filter(f -> f.severity() == severity).count();
    }
}
