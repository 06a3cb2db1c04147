package org.openreturns.server.api;

import org.openreturns.server.identity.ApiClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API tokens for scripts and MIS vendors, one school each. Only a SHA-256 of a token is stored, so a database copy
 * does not hand out working tokens; the plain token is shown once, when it is made.
 */
@Service
public class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record TokenSummary(long id, String label, java.time.OffsetDateTime createdAt,
            java.time.OffsetDateTime revokedAt) {
    }

    /** Makes a new random token for a school and returns it in plain text: the only time it can be seen. */
    public String issue(long schoolId, String label, Long createdBy) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "ort_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store(schoolId, label, createdBy, token);
        return token;
    }

    /** Stores a token chosen by the caller: only demo mode does this, for its well-known demo tokens. */
    public void store(long schoolId, String label, Long createdBy, String token) {
        jdbc.sql("""
                insert into api_token (school_id, token_hash, label, created_by)
                values (:school, :hash, :label, :by)""")
                .param("school", schoolId).param("hash", hash(token)).param("label", label)
                .param("by", createdBy).update();
    }

    public Optional<ApiClient> authenticate(String token) {
        return jdbc.sql("select id, school_id, label from api_token where token_hash = :hash and revoked_at is null")
                .param("hash", hash(token))
                .query((rs, n) -> new ApiClient(rs.getLong("id"), rs.getLong("school_id"), rs.getString("label")))
                .optional();
    }

    public List<TokenSummary> forSchool(long schoolId) {
        return jdbc.sql("""
                select id, label, created_at, revoked_at from api_token where school_id = :school
                order by revoked_at nulls first, created_at desc""")
                .param("school", schoolId)
                .query((rs, n) -> new TokenSummary(rs.getLong("id"), rs.getString("label"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class),
                        rs.getObject("revoked_at", java.time.OffsetDateTime.class)))
                .list();
    }

    /** Revokes a token of the given school; a token of another school is left alone and reported as not found. */
    public boolean revoke(long schoolId, long tokenId) {
        return jdbc.sql("update api_token set revoked_at = now() where id = :id and school_id = :school "
                + "and revoked_at is null").param("id", tokenId).param("school", schoolId).update() == 1;
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
