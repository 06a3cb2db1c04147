package org.openreturns.server.schools;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Schools of the LA, as imported from GIAS and edited by the LA. */
@Repository
public class SchoolRepository {

    /** A school as the portal shows it. */
    public record School(long id, String laCode, String estab, String urn, String name, String phase, String type) {

        public String dfeNumber() {
            return laCode + estab;
        }
    }

    /** Everything the LA keeps about a school, for its list and edit pages. */
    public record Details(long id, String laCode, String estab, String urn, String name, String phase, String type,
            String status, String postcode, String headName, String email, Integer lowAge, Integer highAge) {

        public String dfeNumber() {
            return laCode + estab;
        }

        /** Open, or open but proposed to close: a school with pupils this year. */
        public boolean open() {
            return status == null || status.startsWith("Open");
        }
    }

    /** What one imported row did: its school's id, and whether the school was new. */
    public record Upserted(long id, boolean added) {
    }

    private static final String DETAILS = """
            select id, la_code, estab, urn, name, phase, type, status, postcode, head_name, email, low_age, high_age
            from school""";

    private final JdbcClient jdbc;

    SchoolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the school, or updates it when its URN is already known; returns its id. */
    public long upsert(GiasImport.GiasSchool s) {
        return importSchool(s).id();
    }

    /**
     * Adds the school, or updates it from the register when its URN is already known. The LA's own contact e-mail
     * is not in the register and so survives a re-import.
     */
    public Upserted importSchool(GiasImport.GiasSchool s) {
        return jdbc.sql("""
                insert into school (la_code, estab, urn, name, phase, type, status, postcode, head_name, low_age,
                  high_age)
                values (:la, :estab, :urn, :name, :phase, :type, coalesce(:status, 'Open'), :postcode, :head, :low,
                  :high)
                on conflict (urn) do update set la_code = excluded.la_code, estab = excluded.estab,
                  name = excluded.name, phase = excluded.phase, type = excluded.type, status = excluded.status,
                  postcode = excluded.postcode, head_name = excluded.head_name, low_age = excluded.low_age,
                  high_age = excluded.high_age
                returning id, (xmax = 0) as added""")
                .param("la", s.laCode()).param("estab", s.estab()).param("urn", s.urn()).param("name", s.name())
                .param("phase", s.phase()).param("type", s.type()).param("status", s.status())
                .param("postcode", s.postcode()).param("head", s.headName())
                .param("low", s.lowAge()).param("high", s.highAge())
                .query((rs, n) -> new Upserted(rs.getLong("id"), rs.getBoolean("added"))).single();
    }

    /** The URN of the school that already holds this DfE number, if any. */
    Optional<String> urnHolding(String laCode, String estab) {
        return jdbc.sql("select coalesce(urn, '') from school where la_code = :la and estab = :estab")
                .param("la", laCode).param("estab", estab).query(String.class).optional();
    }

    public List<School> all() {
        return jdbc.sql("select id, la_code, estab, urn, name, phase, type from school order by name")
                .query((rs, n) -> new School(rs.getLong("id"), rs.getString("la_code"), rs.getString("estab"),
                        rs.getString("urn"), rs.getString("name"), rs.getString("phase"), rs.getString("type")))
                .list();
    }

    /** Every school with its details, by name. */
    public List<Details> allDetails() {
        return jdbc.sql(DETAILS + " order by name, id").query(SchoolRepository::details).list();
    }

    /** Schools whose name, URN, DfE number or postcode contains the text, by name. */
    public List<Details> search(String text) {
        if (text == null || text.isBlank()) {
            return allDetails();
        }
        return jdbc.sql(DETAILS + """
                 where name ilike :like or urn like :like or (la_code || estab) like :like
                   or (la_code || '/' || estab) like :like or postcode ilike :like
                order by name, id""")
                .param("like", "%" + escapeLike(text.strip()) + "%")
                .query(SchoolRepository::details).list();
    }

    public Optional<Details> find(long id) {
        return jdbc.sql(DETAILS + " where id = :id").param("id", id).query(SchoolRepository::details).optional();
    }

    /** The LA code most schools have: the LA this service runs for. */
    public Optional<String> mainLaCode() {
        return jdbc.sql("select la_code from school group by la_code order by count(*) desc, la_code limit 1")
                .query(String.class).optional();
    }

    void update(long id, String name, String phase, String status, String email, String headName) {
        jdbc.sql("""
                update school set name = :name, phase = :phase, status = :status, email = :email, head_name = :head
                where id = :id""")
                .param("name", name).param("phase", phase).param("status", status).param("email", email)
                .param("head", headName).param("id", id).update();
    }

    public long count() {
        return jdbc.sql("select count(*) from school").query(Long.class).single();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Details details(ResultSet rs, int row) throws SQLException {
        return new Details(rs.getLong("id"), rs.getString("la_code"), rs.getString("estab"), rs.getString("urn"),
                rs.getString("name"), rs.getString("phase"), rs.getString("type"), rs.getString("status"),
                rs.getString("postcode"), rs.getString("head_name"), rs.getString("email"),
                (Integer) rs.getObject("low_age"), (Integer) rs.getObject("high_age"));
    }
}
