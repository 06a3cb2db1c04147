package org.openreturns.server.schools;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Brings the LA's schools in from a GIAS download: new schools are added, known ones (by URN) updated. */
@Service
public class SchoolImport {

    /** What an import did, with a plain-English line for each row that could not be used. */
    public record Outcome(int added, int updated, int otherRows, List<String> problems) implements java.io.Serializable {
    }

    private final SchoolRepository schools;
    private final AuditLog audit;

    SchoolImport(SchoolRepository schools, AuditLog audit) {
        this.schools = schools;
        this.audit = audit;
    }

    /**
     * Reads the file and stores its schools of this LA. Throws IOException, with a message fit for the page, when the
     * file is not a GIAS establishment download at all.
     */
    @Transactional
    public Outcome importGias(InputStream csv, String laCode, Actor actor) throws IOException {
        GiasImport.Result read;
        try {
            read = GiasImport.read(csv, laCode);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException("The file is not a readable CSV file (" + e.getMessage() + "). Download 'All "
                    + "establishment data' from Get Information about Schools again and upload it without "
                    + "changing it.");
        }
        List<String> problems = new ArrayList<>(read.problems());
        int added = 0;
        int updated = 0;
        for (GiasImport.GiasSchool school : read.schools()) {
            // A DfE number held by a school with another URN (usually a predecessor school) would clash.
            Optional<String> holder = schools.urnHolding(school.laCode(), school.estab());
            if (holder.isPresent() && !holder.get().equals(school.urn())) {
                problems.add(school.name() + " (URN " + school.urn() + "): DfE number " + school.laCode() + "/"
                        + school.estab() + " already belongs to the school with URN "
                        + (holder.get().isEmpty() ? "unknown" : holder.get())
                        + ". Edit or close that school first; this row was not imported.");
                continue;
            }
            if (schools.importSchool(school).added()) {
                added++;
            } else {
                updated++;
            }
        }
        audit.record(actor.name(), actor.roleName(), null, "SCHOOLS_IMPORTED", "la:" + laCode,
                added + " added, " + updated + " updated, " + problems.size() + " problems");
        return new Outcome(added, updated, read.otherRows(), problems);
    }
}
