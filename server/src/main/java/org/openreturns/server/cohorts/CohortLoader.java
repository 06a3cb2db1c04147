package org.openreturns.server.cohorts;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openreturns.engine.ctf.Upn;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.collections.AssessmentCollection;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.schools.SchoolRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a collection's expected pupils from the LA's files, replacing the list loaded before, and says what it did:
 * the pupils kept for each school, every row refused (file, line and why), the school numbers the portal does not
 * know, and how many pupils were of year groups the collection does not assess. A load that keeps no pupil changes
 * nothing, so that a wrong file never empties the list.
 */
@Component
class CohortLoader {

    /** A file as the LA sent it. */
    record Upload(String name, byte[] content) {
    }

    /** What a load did, for the page (kept in the session between the post and the page, so serializable). */
    record Outcome(String fileNames, boolean replaced, int pupils, List<ExpectedCohorts.SchoolCount> schools,
            List<String> refused, boolean moreRefused, int refusedRows, List<String> unknownSchools, int otherYearGroups)
            implements Serializable {
    }

    /** Files that cannot be read at all: nothing was loaded. */
    static final class Refused extends Exception {
        private final List<String> problems;

        Refused(List<String> problems) {
            super(String.join(" ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    /** More refusals than this are counted, not listed: a wholly wrong file would fill the page. */
    static final int LISTED_REFUSALS = 200;
    private static final int BATCH = 500;

    private record Kept(long schoolId, String upn, String surname, String forename, String ncYear, String where) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final SchoolRepository schools;
    private final ExpectedCohorts cohorts;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    CohortLoader(JdbcClient jdbc, JdbcTemplate batch, SchoolRepository schools, ExpectedCohorts cohorts, AuditLog audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.schools = schools;
        this.cohorts = cohorts;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    Outcome load(AssessmentCollection collection, List<Upload> files, Actor actor) throws Refused {
        List<CohortFile.Row> rows = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Upload file : files) {
            try {
                rows.addAll(CohortFile.read(file.name(), file.content()));
            } catch (CohortFile.Refused e) {
                unreadable.add(e.getMessage());
            }
        }
        if (!unreadable.isEmpty()) {
            throw new Refused(unreadable);
        }
        Map<String, SchoolRepository.School> byNumber = new HashMap<>();
        for (SchoolRepository.School s : schools.all()) {
            byNumber.put(s.laCode().strip() + s.estab().strip(), s);
            if (s.urn() != null) {
                byNumber.put(s.urn().strip(), s);
            }
        }
        Set<String> years = CohortYearGroups.of(collection.kind());
        Map<String, Kept> kept = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        Map<String, List<String>> unknown = new TreeMap<>();
        int unknownRows = 0;
        int otherYears = 0;
        for (CohortFile.Row row : rows) {
            String where = row.file() + ", line " + row.line();
            String upn = row.upn() == null ? null : row.upn().strip().toUpperCase(Locale.ROOT);
            String year = CohortYearGroups.normalise(row.ncYear());
            String problem = problem(upn, row, year);
            if (problem != null) {
                refused.add(where + ": " + problem + " The row was left out.");
                continue;
            }
            SchoolRepository.School school = byNumber.get(row.school().replaceAll("[\\s/-]", ""));
            if (school == null) {
                unknown.computeIfAbsent(row.school(), k -> new ArrayList<>()).add(where);
                unknownRows++;
                continue;
            }
            if (!years.contains(year)) {
                otherYears++;
                continue;
            }
            Kept earlier = kept.get(upn);
            if (earlier != null) {
                refused.add(where + ": UPN " + upn + " is also at " + earlier.where() + "; a pupil is expected in "
                        + "one school's return only, so this row was left out.");
                continue;
            }
            kept.put(upn, new Kept(school.id(), upn, row.surname(), row.forename(), year, where));
        }
        List<String> unknownSchools = unknown.entrySet().stream().map(e -> "'" + e.getKey() + "' ("
                + e.getValue().size() + (e.getValue().size() == 1 ? " row: " : " rows, the first: ")
                + e.getValue().get(0) + "): no school in the portal has that URN or DfE number. Import the school "
                + "from GIAS or correct the file, then load it again.").toList();
        int refusedRows = refused.size() + unknownRows;
        String names = String.join(", ", files.stream().map(Upload::name).toList());
        List<String> listed = refused.size() > LISTED_REFUSALS ? List.copyOf(refused.subList(0, LISTED_REFUSALS))
                : List.copyOf(refused);
        if (kept.isEmpty()) {
            audit.record(actor.name(), actor.roleName(), null, "COHORT_REFUSED", "collection " + collection.id(),
                    names + ": no usable pupil, " + refusedRows + " rows refused; the list was not changed");
            return new Outcome(names, false, 0, List.of(), listed, listed.size() < refused.size(), refusedRows,
                    unknownSchools, otherYears);
        }
        store(collection.id(), kept.values(), names, refusedRows, actor);
        audit.record(actor.name(), actor.roleName(), null, "COHORT_LOADED", "collection " + collection.id(),
                names + ": " + kept.size() + " pupils, " + refusedRows + " rows refused, " + otherYears
                        + " in other year groups");
        events.publishEvent(new CohortLoaded(collection.id()));
        return new Outcome(names, true, kept.size(), cohorts.counts(collection.id()), listed,
                listed.size() < refused.size(), refusedRows, unknownSchools,
                otherYears);
    }

    /** What is wrong with a row's UPN, school or year group, in a sentence; null when nothing is. */
    private static String problem(String upn, CohortFile.Row row, String year) {
        if (upn == null) {
            return "there is no UPN.";
        }
        if (!Upn.hasValidFormat(upn)) {
            return "'" + upn + "' is not a UPN (13 characters: a letter, 11 digits, then a digit or a letter).";
        }
        if (!Upn.hasValidCheckLetter(upn)) {
            return "UPN " + upn + " has the wrong check letter (it would start with " + Upn.expectedCheckLetter(upn)
                    + "); check it against the school's MIS.";
        }
        if (row.school() == null) {
            return "UPN " + upn + " has no school.";
        }
        if (row.ncYear() == null) {
            return "UPN " + upn + " has no NC year.";
        }
        if (year == null) {
            return "UPN " + upn + " has NC year '" + row.ncYear() + "', which is not a year group (R, 1 to 6).";
        }
        return null;
    }

    private void store(long collectionId, java.util.Collection<Kept> pupils, String names, int refusedRows,
            Actor actor) {
        jdbc.sql("delete from expected_pupil where collection_id = :c").param("c", collectionId).update();
        batch.batchUpdate("""
                insert into expected_pupil (collection_id, upn, school_id, surname, forename, nc_year)
                values (?, ?, ?, ?, ?, ?)""", new ArrayList<>(pupils), BATCH, (ps, p) -> {
            ps.setLong(1, collectionId);
            ps.setString(2, p.upn());
            ps.setLong(3, p.schoolId());
            ps.setString(4, p.surname());
            ps.setString(5, p.forename());
            ps.setString(6, p.ncYear());
        });
        jdbc.sql("""
                insert into cohort_load (collection_id, loaded_by, file_names, pupils, refused_rows)
                values (:c, :by, :names, :pupils, :refused)""")
                .param("c", collectionId).param("by", actor.name()).param("names", names)
                .param("pupils", pupils.size()).param("refused", refusedRows).update();
    }
}
