package org.openreturns.engine.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The rules that apply to one collection in one year. Immutable: a new year is made from the year before with
 * {@link #with} and {@link #without}, so that each year's changes are written down as changes.
 */
public final class RuleSet {

    private final List<Rule> rules;

    private RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RuleSet of(Rule... rules) {
        return new RuleSet(Arrays.asList(rules));
    }

    /** This set plus the given rules; a rule with the code of an existing one replaces it in place. */
    public RuleSet with(Rule... added) {
        List<Rule> next = new ArrayList<>(rules);
        for (Rule rule : added) {
            int existing = indexOf(next, rule.code());
            if (existing >= 0) {
                next.set(existing, rule);
            } else {
                next.add(rule);
            }
        }
        return new RuleSet(next);
    }

    /** This set without the rules with the given codes. */
    public RuleSet without(String... codes) {
        Set<String> drop = Set.of(codes);
        List<Rule> next = new ArrayList<>();
        for (Rule rule : rules) {
            if (!drop.contains(rule.code())) {
                next.add(rule);
            }
        }
        return new RuleSet(next);
    }

    private static int indexOf(List<Rule> list, String code) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<PupilRule> pupilRules() {
        return rules.stream().filter(PupilRule.class::isInstance).map(PupilRule.class::cast).toList();
    }

    public List<FileRule> fileRules() {
        return rules.stream().filter(FileRule.class::isInstance).map(FileRule.class::cast).toList();
    }

    public List<HeaderRule> headerRules() {
        return rules.stream().filter(HeaderRule.class::isInstance).map(HeaderRule.class::cast).toList();
    }

    public boolean contains(String code) {
        return indexOf(rules, code) >= 0;
    }
}
