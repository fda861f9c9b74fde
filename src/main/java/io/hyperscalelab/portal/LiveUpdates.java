package io.hyperscalelab.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;

/**
 * Refreshes a view from the server while it is on screen, pushing each change to the browser
 * (the app shell has {@code @Push}): statuses of nodes being provisioned or dropped appear
 * without the learner reloading.
 */
@org.springframework.stereotype.Component
public class LiveUpdates implements DisposableBean {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "portal-live-updates");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Runs {@code update} in {@code owner}'s UI, with the session locked, right after it is
     * attached and then every {@code period} until it is detached.
     */
    public void whileAttached(Component owner, Duration period, Runnable update) {
        owner.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ScheduledFuture<?> task = scheduler.scheduleWithFixedDelay(() -> {
                try {
                    ui.access(update::run);
                } catch (UIDetachedException e) {
                    // The browser went away; the detach listener cancels the task.
                }
            }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
            owner.addDetachListener(event -> {
                task.cancel(false);
                event.unregisterListener();
            });
        });
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
