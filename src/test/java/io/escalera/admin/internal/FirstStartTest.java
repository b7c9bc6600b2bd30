package io.escalera.admin.internal;

import io.escalera.security.Role;
import io.escalera.support.EscaleraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The test context starts in production mode on an empty database, as a first start does. */
@EscaleraTest
class FirstStartTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theFirstStartCreatesOneAdminInAHeadOfficeWithAGeneratedPasswordAndNoDemoUsers() {
        assertThat(jdbc.sql("SELECT role FROM app_user WHERE username = 'admin'").query(String.class).single())
                .isEqualTo(Role.ADMIN.name());
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username IN ('staff', 'manager', 'executive')").query(Long.class).single())
                .as("no demo users outside demo mode").isZero();
        assertThat(jdbc.sql("SELECT actor FROM audit_event WHERE action = 'USER_CREATED' AND record_id = 'admin'").query(String.class).list())
                .containsExactly("system");
    }

    @Test
    void theFirstAdminMustChooseANewPasswordAtTheFirstLogin() {
        assertThat(jdbc.sql("SELECT must_change_password FROM app_user WHERE username = 'admin'").query(Boolean.class).single())
                .isTrue();
    }
}
