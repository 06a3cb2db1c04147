package org.openreturns.server.collections;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.collection.PhonicsThresholds;
import org.openreturns.server.identity.Actor;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.schools.SchoolRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The LA's collections: one per kind and academic year, their dates, the phonics threshold, and which schools each
 * covers (with a per-school deadline where the LA allows one). Every change is audited.
 */
@Service
public class CollectionService {

    /** A collection with how far it has got, for the list of collections. */
    public record Overview(AssessmentCollection collection, int schoolsInScope, int requestsIssued, int accepted) {
    }

    /** A school in a collection's scope, with its own deadline if the LA gave it one. */
    public record ScopedSchool(long schoolId, LocalDate deadlineOverride) {
    }

    /** What copying a year did. */
    public record CopyResult(List<AssessmentCollection> copied, List<AssessmentCollection> skipped,
            int previousYearCollections) {
    }

    private static final String COLUMNS =
            "id, kind, summer_year, opens_on, la_deadline, dfe_deadline, phonics_threshold";

    private final JdbcClient jdbc;
    private final SchoolRepository schools;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final RequestCounts requestCounts;

    private final FinalFigures finalFigures;

    CollectionService(JdbcClient jdbc, SchoolRepository schools, AuditLog audit, ApplicationEventPublisher events,
            TransactionTemplate transaction, RequestCounts requestCounts, FinalFigures finalFigures) {
        this.finalFigures = finalFigures;
        this.jdbc = jdbc;
        this.schools = schools;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.requestCounts = requestCounts;
    }

    public Optional<AssessmentCollection> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from collection where id = :id").param("id", id)
                .query(CollectionService::map).optional();
    }

    public Optional<AssessmentCollection> find(Collection kind, int summerYear) {
        return jdbc.sql("select " + COLUMNS + " from collection where kind = :kind and summer_year = :year")
                .param("kind", kind.name()).param("year", summerYear).query(CollectionService::map).optional();
    }

    /** Every collection, latest year first, then in the order of the school year's assessments. */
    public List<Overview> overview() {
        Map<Long, RequestCounts.Counts> requests = requestCounts.byCollection();
        return jdbc.sql("""
                select c.id, c.kind, c.summer_year, c.opens_on, c.la_deadline, c.dfe_deadline, c.phonics_threshold,
                  (select count(*) from collection_school s where s.collection_id = c.id) as in_scope
                from collection c
                order by c.summer_year desc, array_position(array['EYFSP','PHONICS','KS1','MTC','KS2_TA'], c.kind)""")
                .query((rs, n) -> {
                    RequestCounts.Counts counts = requests.getOrDefault(rs.getLong("id"), RequestCounts.Counts.NONE);
                    return new Overview(map(rs, n), rs.getInt("in_scope"), counts.issued(), counts.accepted());
                })
                .list();
    }

    /**
     * Creates a collection with the default scope (see {@link DefaultScope}) and, for phonics, the threshold the
     * engine knows for that year; empty when that kind already exists for the year.
     */
    @Transactional
    public Optional<Long> create(Collection kind, int summerYear, Dates dates, Actor actor) {
        Integer threshold = kind == Collection.PHONICS ? PhonicsThresholds.forYear(AcademicYear.ofSummer(summerYear))
                : null;
        Optional<Long> id = insert(kind, summerYear, dates, threshold);
        id.ifPresent(created -> {
            Set<Long> scope = defaultScope(kind);
            for (long school : scope) {
                addToScope(created, school, null);
            }
            audit.record(actor.name(), actor.roleName(), null, "COLLECTION_CREATED", "collection:" + created,
                    kind.name() + " " + AcademicYear.ofSummer(summerYear).label() + ", " + scope.size()
                            + " schools in scope");
        });
        return id;
    }

    /**
     * Copies every collection of the year before into this one, dates a year later and the same schools in scope
     * (less any school that has since closed); a kind that already exists this year is left alone.
     */
    @Transactional
    public CopyResult copyFromPreviousYear(int summerYear, Actor actor) {
        List<AssessmentCollection> previous = jdbc.sql("select " + COLUMNS
                        + " from collection where summer_year = :year order by id")
                .param("year", summerYear - 1).query(CollectionService::map).list();
        List<AssessmentCollection> copied = new ArrayList<>();
        List<AssessmentCollection> skipped = new ArrayList<>();
        for (AssessmentCollection old : previous) {
            Integer threshold = old.isPhonics()
                    ? PhonicsThresholds.forYear(AcademicYear.ofSummer(summerYear)) : null;
            Optional<Long> id = insert(old.kind(), summerYear, old.dates().nextYear(), threshold);
            if (id.isEmpty()) {
                skipped.add(find(old.kind(), summerYear).orElseThrow());
                continue;
            }
            jdbc.sql("""
                    insert into collection_school (collection_id, school_id, deadline_override)
                    select :id, cs.school_id, cs.deadline_override + interval '1 year'
                    from collection_school cs join school s on s.id = cs.school_id
                    where cs.collection_id = :old and (s.status is null or s.status like 'Open%')""")
                    .param("id", id.get()).param("old", old.id()).update();
            copied.add(find(id.get()).orElseThrow());
            audit.record(actor.name(), actor.roleName(), null, "COLLECTION_CREATED", "collection:" + id.get(),
                    "copied from collection:" + old.id());
        }
        return new CopyResult(copied, skipped, previous.size());
    }

    /**
     * Changes the dates. Requests whose deadline was the old LA deadline move with it; those with a school's own
     * deadline keep theirs.
     */
    @Transactional
    public void changeDates(long id, Dates dates, Actor actor) {
        AssessmentCollection before = find(id).orElseThrow();
        jdbc.sql("""
                update collection set opens_on = :opens, la_deadline = :la, dfe_deadline = :dfe where id = :id""")
                .param("opens", sql(dates.opensOn())).param("la", sql(dates.laDeadline()))
                .param("dfe", sql(dates.dfeDeadline())).param("id", id).update();
        if (before.laDeadline() != null && dates.laDeadline() != null) {
            events.publishEvent(new DeadlineChanged.LaDeadline(id, before.laDeadline(), dates.laDeadline()));
        }
        audit.record(actor.name(), actor.roleName(), null, "COLLECTION_DATES_CHANGED", "collection:" + id,
                "opens " + dates.opensOn() + ", LA deadline " + dates.laDeadline() + ", DfE deadline "
                        + dates.dfeDeadline());
    }

    /**
     * Sets (or clears, with null) the phonics threshold mark. Once the change is committed, and only if it changed,
     * {@link PhonicsThresholdChanged} goes out so that every phonics submission is checked again.
     */
    public void setPhonicsThreshold(long id, Integer threshold, Actor actor) {
        if (threshold != null && (threshold < 0 || threshold > 40)) {
            throw new IllegalArgumentException("The phonics threshold mark is between 0 and 40");
        }
        if (figuresAreFinal(id)) {
            // A new threshold re-checks every return and so moves published outcomes: only after reopening.
            throw new IllegalStateException("The final figures of collection " + id + " are published");
        }
        AssessmentCollection changed = transaction.execute(status -> {
            AssessmentCollection before = jdbc.sql("select " + COLUMNS + " from collection where id = :id for update")
                    .param("id", id).query(CollectionService::map).single();
            if (!before.isPhonics()) {
                throw new IllegalArgumentException("Only the phonics collection has a threshold mark");
            }
            if (Objects.equals(before.phonicsThreshold(), threshold)) {
                return null;
            }
            jdbc.sql("update collection set phonics_threshold = :t where id = :id").param("t", threshold)
                    .param("id", id).update();
            audit.record(actor.name(), actor.roleName(), null, "PHONICS_THRESHOLD_CHANGED", "collection:" + id,
                    before.phonicsThreshold() + " -> " + threshold);
            return before;
        });
        if (changed != null) {
            publishAfterCommit(new PhonicsThresholdChanged(id, changed.summerYear(), threshold));
        }
    }

    /** Whether the LA published this collection's figures as final: then nothing may move them until it reopens. */
    public boolean figuresAreFinal(long id) {
        return finalFigures.areFinal(id);
    }

    /** Called inside someone else's transaction (a seeder, say), the event waits for that transaction to commit. */
    private void publishAfterCommit(Object event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(event);
                }
            });
        } else {
            events.publishEvent(event);
        }
    }

    /** The schools a new collection of this kind covers (see {@link DefaultScope}). */
    public Set<Long> defaultScope(Collection kind) {
        Set<Long> ids = new HashSet<>();
        for (SchoolRepository.Details school : schools.allDetails()) {
            if (DefaultScope.covers(kind, school)) {
                ids.add(school.id());
            }
        }
        return ids;
    }

    public List<ScopedSchool> scope(long id) {
        return jdbc.sql("select school_id, deadline_override from collection_school where collection_id = :id")
                .param("id", id)
                .query((rs, n) -> new ScopedSchool(rs.getLong("school_id"), localDate(rs, "deadline_override")))
                .list();
    }

    /** Schools that have a file request in this collection, and so stay in its scope. */
    public Set<Long> schoolsWithRequests(long id) {
        return new HashSet<>(jdbc.sql("select school_id from file_request where collection_id = :id")
                .param("id", id).query(Long.class).list());
    }

    /**
     * Makes these schools the collection's scope. A school that already has a file request stays in scope whatever
     * the form said, so that no request is left without its collection.
     */
    @Transactional
    public void setScope(long id, Set<Long> schoolIds, Actor actor) {
        Set<Long> wanted = new HashSet<>(schoolIds);
        wanted.addAll(schoolsWithRequests(id));
        Set<Long> current = new HashSet<>(scope(id).stream().map(ScopedSchool::schoolId).toList());
        int added = 0;
        int removed = 0;
        for (long school : wanted) {
            if (!current.contains(school)) {
                addToScope(id, school, null);
                added++;
            }
        }
        for (long school : current) {
            if (!wanted.contains(school)) {
                jdbc.sql("delete from collection_school where collection_id = :id and school_id = :school")
                        .param("id", id).param("school", school).update();
                removed++;
            }
        }
        audit.record(actor.name(), actor.roleName(), null, "COLLECTION_SCOPE_CHANGED", "collection:" + id,
                added + " added, " + removed + " removed");
    }

    /**
     * Gives one school in scope its own deadline, or takes it away (null), and moves its file request's deadline
     * to match. Returns false when the school is not in the collection's scope.
     */
    @Transactional
    public boolean setDeadlineOverride(long id, long schoolId, LocalDate deadline, Actor actor) {
        int updated = jdbc.sql("""
                update collection_school set deadline_override = :d
                where collection_id = :id and school_id = :school""")
                .param("d", sql(deadline)).param("id", id).param("school", schoolId).update();
        if (updated == 0) {
            return false;
        }
        events.publishEvent(new DeadlineChanged.SchoolDeadline(id, schoolId, deadline,
                find(id).map(AssessmentCollection::laDeadline).orElse(null)));
        audit.record(actor.name(), actor.roleName(), schoolId, "SCHOOL_DEADLINE_CHANGED", "collection:" + id,
                deadline == null ? "own deadline removed" : "own deadline " + deadline);
        return true;
    }

    private Optional<Long> insert(Collection kind, int summerYear, Dates dates, Integer threshold) {
        return jdbc.sql("""
                insert into collection (kind, summer_year, opens_on, la_deadline, dfe_deadline, phonics_threshold)
                values (:kind, :year, :opens, :la, :dfe, :threshold)
                on conflict (kind, summer_year) do nothing returning id""")
                .param("kind", kind.name()).param("year", summerYear).param("opens", sql(dates.opensOn()))
                .param("la", sql(dates.laDeadline())).param("dfe", sql(dates.dfeDeadline()))
                .param("threshold", threshold)
                .query(Long.class).optional();
    }

    private void addToScope(long id, long school, LocalDate override) {
        jdbc.sql("""
                insert into collection_school (collection_id, school_id, deadline_override) values (:id, :school, :d)
                on conflict do nothing""")
                .param("id", id).param("school", school).param("d", sql(override)).update();
    }

    static Date sql(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static AssessmentCollection map(ResultSet rs, int row) throws SQLException {
        int threshold = rs.getInt("phonics_threshold");
        Integer t = rs.wasNull() ? null : threshold;
        return new AssessmentCollection(rs.getLong("id"), Collection.valueOf(rs.getString("kind")),
                rs.getInt("summer_year"), localDate(rs, "opens_on"), localDate(rs, "la_deadline"),
                localDate(rs, "dfe_deadline"), t);
    }
}
