package io.escalera;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.theme.lumo.Lumo;
import io.escalera.shared.DatabaseCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Escalera: a customer-experience portal. Modules are the direct sub-packages of {@code io.escalera}.
 */
@SpringBootApplication
@EnableScheduling
@org.springframework.scheduling.annotation.EnableAsync
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class EscaleraApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        if (DatabaseCommands.requested(args)) {
            // --escalera.backup.to=FILE / --escalera.restore.from=FILE: a database command instead of the application
            System.exit(DatabaseCommands.run(args));
        }
        SpringApplication.run(EscaleraApplication.class, args);
    }
}
