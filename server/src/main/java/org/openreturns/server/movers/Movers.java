package org.openreturns.server.movers;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openreturns.engine.collection.Collection;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pupils on two schools' returns of one collection (reference/rules.md §2.5), worked out on every read from the
 * schools' current versions ({@code current_submission}) and the pupils their checks counted ({@code pupil_outcome}),
 * so a new version from either school changes them at once and nothing is copied. The LA decides which school keeps
 * each pupil ({@code mover_resolution}, audited); until it does, each school still sees the pupil in its own figures
 * and the LA total counts the pupil once ({@link Counting}).
 */
@Service
public class Movers {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Movers(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every pupil in more than one school's current version of the collection, by UPN. */
    public List<CrossSchoolPupil> inCollection(long collectionId) {
        Optional<Collection> kind = jdbc.sql("select kind from collection where id = :c").param("c", collectionId)
                .query((rs, n) -> Collection.valueOf(rs.getString(1))).optional();
        if (kind.isEmpty()) {
            return List.of();
        }
        String rule = OwnershipRule.of(kind.get());
        record Row(String upn, CrossSchoolPupil.Holder holder, Long kept, String by, Instant at) {
        }
        List<Row> rows = jdbc.sql("""
                with holder as (
                  select distinct r.school_id, r.id as request_id, cur.id as submission_id, o.upn
                  from current_submission cur
                  join file_request r on r.id = cur.file_request_id
                  join pupil_outcome o on o.submission_id = cur.id
                  where r.collection_id = :c and o.upn is not null and o.upn <> ''
                ), duplicate as (
                  select upn from holder group by upn having count(distinct school_id) > 1
                )
                select h.upn, h.school_id, sc.name, sc.la_code || sc.estab as dfe_number, h.request_id,
                       h.submission_id, m.kept_school_id, m.resolved_by, m.resolved_at
                from holder h
                join duplicate d on d.upn = h.upn
                join school sc on sc.id = h.school_id
                join submission s on s.id = h.submission_id
                left join mover_resolution m on m.collection_id = :c and m.upn = h.upn
                order by h.upn, s.received_at, s.id""")
                .param("c", collectionId)
                .query((rs, n) -> new Row(rs.getString("upn"), new CrossSchoolPupil.Holder(rs.getLong("school_id"),
                        rs.getString("name"), rs.getString("dfe_number").replace(" ", ""), rs.getLong("request_id"),
                        rs.getLong("submission_id")), (Long) rs.getObject("kept_school_id"),
                        rs.getString("resolved_by"), rs.getTimestamp("resolved_at") == null ? null
                                : rs.getTimestamp("resolved_at").toInstant()))
                .list();
        Map<String, List<Row>> byUpn = new LinkedHashMap<>();
        rows.forEach(r -> byUpn.computeIfAbsent(r.upn(), k -> new ArrayList<>()).add(r));
        List<CrossSchoolPupil> pupils = new ArrayList<>(byUpn.size());
        byUpn.forEach((upn, holders) -> {
            List<CrossSchoolPupil.Holder> schools = holders.stream().map(Row::holder).toList();
            Row first = holders.get(0);
            // A decision for a school that no longer holds the pupil is stale: the duplicate is open again.
            boolean current = first.kept() != null && schools.stream().anyMatch(h -> h.schoolId() == first.kept());
            pupils.add(new CrossSchoolPupil(collectionId, upn, rule, schools, current ? first.kept() : null,
                    current ? first.by() : null, current ? first.at() : null));
        });
        return pupils;
    }

    /**
     * The cross-school queries of a submission: empty unless it is its school's current version, since only the
     * current version is the school's return.
     */
    public List<CrossSchoolPupil> ofSubmission(long submissionId) {
        record Of(long collectionId, long schoolId) {
        }
        Optional<Of> of = jdbc.sql("""
                select r.collection_id, r.school_id from current_submission cur
                join file_request r on r.id = cur.file_request_id where cur.id = :s""")
                .param("s", submissionId).query((rs, n) -> new Of(rs.getLong(1), rs.getLong(2))).optional();
        return of.map(o -> inCollection(o.collectionId()).stream()
                .filter(p -> p.schools().stream().anyMatch(h -> h.submissionId() == submissionId)).toList())
                .orElse(List.of());
    }

    /** The cross-school queries of a file request's current version. */
    public List<CrossSchoolPupil> ofRequest(long requestId) {
        return jdbc.sql("select id from current_submission where file_request_id = :r").param("r", requestId)
                .query(Long.class).optional().map(this::ofSubmission).orElse(List.of());
    }

    /** How many pupils of each school's current version are also in another school's, by school id. */
    public Map<Long, Integer> countsBySchool(long collectionId) {
        Map<Long, Integer> counts = new HashMap<>();
        for (CrossSchoolPupil p : inCollection(collectionId)) {
            p.schools().forEach(h -> counts.merge(h.schoolId(), 1, Integer::sum));
        }
        return counts;
    }

    /**
     * Whom the figures count each pupil for: a pupil the LA has decided for counts only at the kept school; every
     * other pupil at each school that has it (the LA total then counts a pupil once, whichever school it reads first).
     */
    public record Counting(Map<String, Long> keptBy) {

        public boolean countsAt(long schoolId, String upn) {
            Long kept = upn == null ? null : keptBy.get(upn);
            return kept == null || kept == schoolId;
        }
    }

    public Counting counting(long collectionId) {
        Map<String, Long> kept = new HashMap<>();
        for (CrossSchoolPupil p : inCollection(collectionId)) {
            if (p.resolved()) {
                kept.put(p.upn(), p.keptSchoolId());
            }
        }
        return new Counting(Map.copyOf(kept));
    }

    /** Why a decision was not recorded, in words for the form. */
    public static final class NotResolved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotResolved(String message) {
            super(message);
        }
    }

    /**
     * Records that the school keeps the pupil in the collection (a new decision replaces the last), audited.
     *
     * @throws NotResolved when the UPN is not in two schools' returns now or the school does not hold it
     */
    @Transactional
    public CrossSchoolPupil resolve(Actor actor, long collectionId, String upn, long keptSchoolId) {
        if (actor.role() != Role.LA_ADMIN && actor.role() != Role.LA_OFFICER) {
            throw new AccessDeniedException("Only the LA's administrators and data officers decide which school keeps "
                    + "a pupil");
        }
        CrossSchoolPupil pupil = find(collectionId, upn).orElseThrow(() -> new NotResolved("The pupil with UPN "
                + upn + " is no longer in more than one school's return, so there is nothing to decide."));
        CrossSchoolPupil.Holder kept = pupil.schools().stream().filter(h -> h.schoolId() == keptSchoolId)
                .findFirst().orElseThrow(() -> new NotResolved("Select one of the schools whose return has this "
                        + "pupil"));
        jdbc.sql("""
                insert into mover_resolution (collection_id, upn, kept_school_id, resolved_by, resolved_at)
                values (:c, :upn, :school, :by, :at)
                on conflict (collection_id, upn) do update set kept_school_id = excluded.kept_school_id,
                  resolved_by = excluded.resolved_by, resolved_at = excluded.resolved_at""")
                .param("c", collectionId).param("upn", pupil.upn()).param("school", keptSchoolId)
                .param("by", actor.name()).param("at", Timestamp.from(Instant.now(clock))).update();
        for (CrossSchoolPupil.Holder h : pupil.schools()) {
            audit.record(actor.name(), actor.roleName(), h.schoolId(), "MOVER_RESOLVED",
                    "collection " + collectionId + " upn " + pupil.upn(),
                    kept.schoolName() + " (" + kept.dfeNumber() + ") keeps the pupil; "
                            + (h.schoolId() == keptSchoolId ? "kept here" : "no longer counted here"));
        }
        return find(collectionId, upn).orElseThrow();
    }

    public Optional<CrossSchoolPupil> find(long collectionId, String upn) {
        return inCollection(collectionId).stream().filter(p -> p.upn().equals(upn)).findFirst();
    }

    /** What each school's file says of the pupil, so the LA can see the schools mean the same child. */
    public record SchoolRecord(CrossSchoolPupil.Holder school, String name, String dob, String ncYear) {
    }

    /** Each school's record of the pupil, for the LA only: a read of pupil data, so it is audited. */
    public List<SchoolRecord> records(Actor actor, CrossSchoolPupil pupil) {
        if (!actor.isLaStaff()) {
            throw new AccessDeniedException("Only the LA sees every school's record of a pupil");
        }
        List<SchoolRecord> records = new ArrayList<>();
        for (CrossSchoolPupil.Holder h : pupil.schools()) {
            records.add(jdbc.sql("""
                    select trim(coalesce(forename, '') || ' ' || coalesce(surname, '')), dob, nc_year
                    from pupil_result where submission_id = :s and upn = :upn order by id limit 1""")
                    .param("s", h.submissionId()).param("upn", pupil.upn())
                    .query((rs, n) -> new SchoolRecord(h, rs.getString(1), rs.getString(2), rs.getString(3)))
                    .optional().orElse(new SchoolRecord(h, "", "", "")));
            audit.record(actor.name(), actor.roleName(), h.schoolId(), "VIEW_MOVER",
                    "collection " + pupil.collectionId() + " upn " + pupil.upn(),
                    "the pupil as the return of " + h.schoolName() + " has them");
        }
        return records;
    }
}
