package org.openreturns.server.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users in PostgreSQL. E-mail addresses are compared in lower case. */
@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PortalUser> findByEmail(String email) {
        return jdbc.sql("select * from app_user where email = lower(:email)")
                .param("email", email.strip())
                .query(UserRepository::map)
                .optional();
    }

    public long create(String email, String displayName, String passwordHash, Role role, Long schoolId) {
        return jdbc.sql("""
                insert into app_user (email, display_name, password_hash, role, school_id)
                values (lower(:email), :name, :hash, :role, :school) returning id""")
                .param("email", email.strip())
                .param("name", displayName)
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("school", schoolId)
                .query(Long.class)
                .single();
    }

    /** Counts a failed sign-in; at the limit, locks the account until the given time and starts counting again. */
    void recordFailure(String email, int limit, Instant lockUntil) {
        jdbc.sql("""
                update app_user set
                  failed_attempts = case when failed_attempts + 1 >= :limit then 0 else failed_attempts + 1 end,
                  locked_until = case when failed_attempts + 1 >= :limit then :until else locked_until end
                where email = lower(:email)""")
                .param("limit", limit)
                .param("until", Timestamp.from(lockUntil))
                .param("email", email.strip())
                .update();
    }

    void recordSuccess(String email) {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where email = lower(:email)")
                .param("email", email.strip())
                .update();
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    private static PortalUser map(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        long school = rs.getLong("school_id");
        return new PortalUser(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.wasNull() ? null : school,
                rs.getBoolean("enabled"), locked == null ? null : locked.toInstant());
    }
}
