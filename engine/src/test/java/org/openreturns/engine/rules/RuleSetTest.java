package org.openreturns.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openreturns.engine.ctf.CtfHeader;

class RuleSetTest {

    @Test
    void withAddsNewCodesAtTheEndAndReplacesAnExistingCodeInPlace() {
        Rule a = new Named("a", Severity.ERROR);
        Rule b = new Named("b", Severity.ERROR);
        Rule a2 = new Named("a", Severity.QUERY);
        RuleSet first = RuleSet.of(a, b);
        RuleSet next = first.with(a2, new Named("c", Severity.INFO));
        assertThat(next.rules()).extracting(Rule::code).containsExactly("a", "b", "c");
        assertThat(next.rules().get(0)).isSameAs(a2);
        assertThat(first.rules()).containsExactly(a, b);
    }

    @Test
    void withoutDropsCodesAndLeavesTheOriginalAlone() {
        RuleSet first = RuleSet.of(new Named("a", Severity.ERROR), new Named("b", Severity.ERROR));
        RuleSet next = first.without("a", "missing");
        assertThat(next.rules()).extracting(Rule::code).containsExactly("b");
        assertThat(next.contains("a")).isFalse();
        assertThat(first.contains("a")).isTrue();
    }

    @Test
    void rulesAreSortedByKind() {
        PupilRule pupil = new PupilRule() {
            public String code() {
                return "p";
            }

            public Severity severity() {
                return Severity.ERROR;
            }

            public void check(AssessedPupil p, ValidationContext c, Findings f) {
            }
        };
        HeaderRule header = new HeaderRule() {
            public String code() {
                return "h";
            }

            public Severity severity() {
                return Severity.INFO;
            }

            public void check(CtfHeader h, ValidationContext c, Findings f) {
            }
        };
        RuleSet set = RuleSet.of(pupil, header, new Named("n", Severity.ERROR));
        assertThat(set.pupilRules()).containsExactly(pupil);
        assertThat(set.headerRules()).containsExactly(header);
        assertThat(set.fileRules()).isEmpty();
    }

    private record Named(String code, Severity severity) implements Rule {
    }
}
