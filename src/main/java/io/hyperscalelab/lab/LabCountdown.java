package io.hyperscalelab.lab;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;

/**
 * "5 hour(s), 42 minute(s) remaining", as the hosted lab's title bar counts down. The server
 * writes the first value; the browser then ticks on its own, with no traffic to the server.
 */
class LabCountdown extends Span {

    static final String TIME_IS_UP = "Lab time is up";
    private final Instant endsAt;

    LabCountdown(Instant endsAt) {
        this.endsAt = endsAt;
        addClassName("lab-countdown");
        setText(format(Duration.between(Instant.now(), endsAt)));
    }

    static String format(Duration remaining) {
        if (remaining.isNegative() || remaining.isZero()) {
            return TIME_IS_UP;
        }
        long minutes = remaining.toMinutes();
        return (minutes / 60) + " hour(s), " + (minutes % 60) + " minute(s) remaining";
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // the same arithmetic as format(), in the browser
        getElement().executeJs("""
                const end = $0, upText = $1;
                const tick = () => {
                  const minutes = Math.floor((end - Date.now()) / 60000);
                  this.textContent = end <= Date.now() ? upText
                      : Math.floor(minutes / 60) + ' hour(s), ' + (minutes % 60) + ' minute(s) remaining';
                };
                clearInterval(this.__labTimer);
                tick();
                this.__labTimer = setInterval(tick, 15000);""", (double) endsAt.toEpochMilli(), TIME_IS_UP);
    }
}
