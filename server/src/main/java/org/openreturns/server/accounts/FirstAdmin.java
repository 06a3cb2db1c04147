package org.openreturns.server.accounts;

import org.openreturns.server.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a new external database nobody can sign in, so the first LA administrator comes from the deployment's settings
 * ({@code OPENRETURNS_FIRST_ADMIN_EMAIL} and {@code OPENRETURNS_FIRST_ADMIN_PASSWORD}), as other self-hosted services
 * do. It is made only while no LA administrator exists, so the settings can stay in place and a changed password is
 * never overwritten.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final String email;
    private final String password;
    private final JdbcClient jdbc;
    private final UserRepository users;
    private final PasswordEncoder passwords;

    FirstAdmin(@Value("${openreturns.first-admin.email:}") String email,
            @Value("${openreturns.first-admin.password:}") String password, JdbcClient jdbc, UserRepository users,
            PasswordEncoder passwords) {
        this.email = email;
        this.password = password;
        this.jdbc = jdbc;
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (email.isBlank()) {
            return;
        }
        long admins = jdbc.sql("select count(*) from app_user where role = 'LA_ADMIN'").query(Long.class).single();
        if (admins > 0) {
            return;
        }
        if (password.length() < 12) {
            log.error("Not creating the first LA administrator {}: openreturns.first-admin.password must have at "
                    + "least 12 characters", email);
            return;
        }
        users.create(email, "LA administrator", passwords.encode(password), Role.LA_ADMIN, null);
        log.info("Created the first LA administrator, {}", email);
    }
}
