package org.openreturns.engine.synthetic;

/** A real school to write synthetic returns for: LA number, establishment number, URN and name as GIAS has them. */
public record SchoolIdentity(String la, String estab, String urn, String name) {

    public SchoolIdentity {
        if (la == null || !la.matches("\\d{3}") || estab == null || !estab.matches("\\d{4}")) {
            throw new IllegalArgumentException("A school needs a 3-digit LA and 4-digit establishment number: "
                    + la + "/" + estab);
        }
    }
}
