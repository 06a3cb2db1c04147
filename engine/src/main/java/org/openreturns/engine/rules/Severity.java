package org.openreturns.engine.rules;

import java.util.Locale;

/**
 * How a finding must be dealt with, as in the DfE's COLLECT (reference/rules.md §2): an error must be fixed before the
 * return is accepted; a query must be confirmed or explained; information needs no action.
 */
public enum Severity {
    ERROR,
    QUERY,
    INFO;

    /** "error", "query", "info": the form used in JSON and reports. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
