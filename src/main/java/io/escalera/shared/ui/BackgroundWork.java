package io.escalera.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Long work (a recompute, a back-test) off the request thread, as the signed-in user, with a progress bar while it
 * runs; the page polls until it is done (no push needed), then shows the result or the failure.
 */
public final class BackgroundWork {

    private BackgroundWork() {
    }

    public static <T> void start(ProgressBar progress, Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        UI ui = UI.getCurrent();
        SecurityContext context = SecurityContextHolder.getContext();
        progress.setIndeterminate(true);
        progress.setVisible(true);
        ui.setPollInterval(500);
        CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(context);
            try {
                return work.get();
            } finally {
                SecurityContextHolder.clearContext();
            }
        }).whenComplete((result, error) -> ui.access(() -> {
            ui.setPollInterval(-1);
            progress.setVisible(false);
            if (error != null) {
                failed.accept(error instanceof CompletionException ? error.getCause() : error);
            } else {
                done.accept(result);
            }
        }));
    }
}
