package io.escalera.shared.internal.database;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Arrays;

/**
 * The jar's database commands, run instead of the application: {@code --escalera.backup.to=FILE} and
 * {@code --escalera.restore.from=FILE} (with {@code --escalera.restore.replace=true} to restore over a schema that has
 * tables). They start a small Spring context of their own (settings and logging as the application has them, no web
 * server, no jobs, no Liquibase) and end the JVM with 0 on success, 1 on failure.
 */
public final class DatabaseCommandLine {

    static final String BACKUP_TO = "escalera.backup.to";
    static final String RESTORE_FROM = "escalera.restore.from";

    private DatabaseCommandLine() {
    }

    /** Whether the command line asks for a backup or a restore. */
    public static boolean requested(String... args) {
        return Arrays.stream(args).anyMatch(a -> a.startsWith("--" + BACKUP_TO + "=") || a.startsWith("--" + RESTORE_FROM + "="));
    }

    /** Runs the command; returns the process's exit code. */
    public static int run(String... args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DatabaseCommandConfiguration.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args)) {
            return context.getBean(DatabaseCommandRunner.class).succeeded() ? 0 : 1;
        } catch (RuntimeException e) {
            // Spring has logged why
            return 1;
        }
    }
}
