package org.openreturns.server.schools;

import java.util.List;
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

    private final JdbcClient jdbc;

    SchoolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the school, or updates it when its URN is already known; returns its id. */
    public long upsert(GiasImport.GiasSchool s) {
        return jdbc.sql("""
                insert into school (la_code, estab, urn, name, phase, type, status, postcode, head_name)
                values (:la, :estab, :urn, :name, :phase, :type, coalesce(:status, 'Open'), :postcode, :head)
                on conflict (urn) do update set la_code = excluded.la_code, estab = excluded.estab,
                  name = excluded.name, phase = excluded.phase, type = excluded.type, status = excluded.status,
                  postcode = excluded.postcode, head_name = excluded.head_name
                returning id""")
                .param("la", s.laCode()).param("estab", s.estab()).param("urn", s.urn()).param("name", s.name())
                .param("phase", s.phase()).param("type", s.type()).param("status", s.status())
                .param("postcode", s.postcode()).param("head", s.headName())
                .query(Long.class).single();
    }

    public List<School> all() {
        return jdbc.sql("select id, la_code, estab, urn, name, phase, type from school order by name")
                .query((rs, n) -> new School(rs.getLong("id"), rs.getString("la_code"), rs.getString("estab"),
                        rs.getString("urn"), rs.getString("name"), rs.getString("phase"), rs.getString("type")))
                .list();
    }

    public long count() {
        return jdbc.sql("select count(*) from school").query(Long.class).single();
    }
}
