package io.escalera.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Demo mode ({@code ./mvnw spring-boot:run} turns it on through the "demo" profile): demo logins, shown on the
 * login page, and demo data. Off in production ({@code java -jar}).
 *
 * @param enabled whether demo users and data are created and shown
 * @param users   the demo logins; their passwords are public on purpose and exist only in demo mode
 */
@ConfigurationProperties("escalera.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue List<DemoLogin> users) {

    public record DemoLogin(String username, String password, String displayName, String role, String unitCode) {
    }
}
