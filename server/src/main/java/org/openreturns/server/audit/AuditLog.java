package org.openreturns.server.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail: sign-ins, uploads, status changes and every view or download of pupil-level data, with who and
 * when, and from which address when the action came by a web or API request (behind a proxy, set
 * {@code server.forward-headers-strategy} so that this is the client's address, not the proxy's). Written in the
 * caller's transaction, so that an action and its record stand or fall together.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String actorRole, Long schoolId, String action, String target, String detail) {
        jdbc.sql("""
                insert into audit_event (actor, actor_role, school_id, action, target, detail, ip)
                values (:actor, :role, :school, :action, :target, :detail, :ip)""")
                .param("actor", actor)
                .param("role", actorRole)
                .param("school", schoolId)
                .param("action", action)
                .param("target", target)
                .param("detail", detail)
                .param("ip", remoteAddress())
                .update();
    }

    /** The address of the request being served on this thread; null for background work. */
    private static String remoteAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }

    public long count(String action) {
        return jdbc.sql("select count(*) from audit_event where action = :action").param("action", action)
                .query(Long.class).single();
    }
}
