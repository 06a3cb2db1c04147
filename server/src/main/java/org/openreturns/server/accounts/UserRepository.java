package org.openreturns.server.accounts;

import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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

    public Optional<PortalUser> findById(long id) {
        return jdbc.sql("select * from app_user where id = :id").param("id", id).query(UserRepository::map).optional();
    }

    /**
     * Makes an account whose password nobody knows (the hash of a random secret that is thrown away): its owner sets
     * one through the e-mailed link, and until then it shows as invited.
     */
    public long createInvited(String email, String displayName, String unusableHash, Role role, Long schoolId) {
        return jdbc.sql("""
                insert into app_user (email, display_name, password_hash, role, school_id, password_set)
                values (lower(:email), :name, :hash, :role, :school, false) returning id""")
                .param("email", email.strip())
                .param("name", displayName)
                .param("hash", unusableHash)
                .param("role", role.name())
                .param("school", schoolId)
                .query(Long.class)
                .single();
    }

    public boolean existsByEmail(String email) {
        return jdbc.sql("select count(*) from app_user where email = lower(:email)").param("email", email.strip())
                .query(Long.class).single() > 0;
    }

    /** A new password also ends any lockout: whoever set it proved they own the mailbox. */
    void setPassword(long id, String hash) {
        jdbc.sql("""
                update app_user set password_hash = :hash, password_set = true, failed_attempts = 0, locked_until = null
                where id = :id""").param("hash", hash).param("id", id).update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update app_user set enabled = :enabled where id = :id").param("enabled", enabled).param("id", id)
                .update();
    }

    void unlock(long id) {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where id = :id").param("id", id)
                .update();
    }

    private static final String SUMMARY = """
            select u.id, u.email, u.display_name, u.role, u.school_id, u.enabled, u.locked_until, u.password_set,
                   s.name as school_name, s.la_code || s.estab as dfe_number
            from app_user u left join school s on s.id = u.school_id
            """;

    /** Users as the management pages list them, with their school; one school's, or everyone's when null. */
    List<UserSummary> summaries(Long schoolId) {
        return jdbc.sql(SUMMARY + """
                where (cast(:school as bigint) is null or u.school_id = :school)
                order by s.name nulls first, u.role, u.display_name, u.email""")
                .param("school", schoolId)
                .query(UserRepository::mapSummary)
                .list();
    }

    Optional<UserSummary> summary(long id) {
        return jdbc.sql(SUMMARY + " where u.id = :id").param("id", id).query(UserRepository::mapSummary).optional();
    }

    private static UserSummary mapSummary(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new UserSummary(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getObject("school_id", Long.class), rs.getString("school_name"),
                rs.getString("dfe_number"), rs.getBoolean("enabled"), locked == null ? null : locked.toInstant(),
                rs.getBoolean("password_set"));
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
        return new PortalUser(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getObject("school_id", Long.class),
                rs.getBoolean("enabled"), locked == null ? null : locked.toInstant());
    }
}
