package org.openreturns.engine.rules;

/**
 * A validation rule: a stable code that schools and LAs can quote, and a severity. Each rule is one small class
 * with its own test; collections' rule sets are assembled per year in {@link RuleSets}.
 */
public interface Rule {

    String code();

    Severity severity();
}
