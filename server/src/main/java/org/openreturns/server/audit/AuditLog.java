package org.openreturns.server.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit trail: sign-ins, uploads, status changes and every view or download of pupil-level data, with who and
 * when. Written in the caller's transaction, so that an action and its record stand or fall together.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String actorRole, Long schoolId, String action, String target, String detail) {
        jdbc.sql("""
                insert into audit_event (actor, actor_role, school_id, action, target, detail)
                values (:actor, :role, :school, :action, :target, :detail)""")
                .param("actor", actor)
                .param("role", actorRole)
                .param("school", schoolId)
                .param("action", action)
                .param("target", target)
                .param("detail", detail)
                .update();
    }

    public long count(String action) {
        return jdbc.sql("select count(*) from audit_event where action = :action").param("action", action)
                .query(Long.class).single();
    }
}
