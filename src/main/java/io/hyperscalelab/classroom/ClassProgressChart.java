package io.hyperscalelab.classroom;

import io.hyperscalelab.breakdown.Svg;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The dashboard's progress summary as an SVG drawn on the server, in the style of the breakdown
 * chart: a title with the class's totals, then one bar per lab step, as long as the share of the
 * class that has done it. Bars carry {@code data-} attributes (step, done, learners) so tests
 * and tools can read the chart.
 */
public final class ClassProgressChart {

    static final double WIDTH = 640;
    private static final double LABEL_X = 16;
    private static final double BAR_X = 300;
    private static final double BAR_WIDTH = 240;
    private static final double ROW = 26;
    private static final double BAR_HEIGHT = 16;
    /** Who counts as active now: someone who used the portal this recently. */
    static final Duration ACTIVE = Duration.ofMinutes(5);

    private static final String STYLE = """
            text { font-family: "Segoe UI", -apple-system, Roboto, Arial, sans-serif; font-size: 12px; fill: #323130; }
            .title { font-size: 15px; font-weight: 600; }
            .subtitle, .value { fill: #605e5c; font-size: 11px; }
            .done { fill: #0078d4; }
            .track { fill: #edebe9; }""";

    private ClassProgressChart() {
    }

    public static String svg(List<LabStep> steps, List<LearnerProgress> learners, Instant now) {
        int size = learners.size();
        long finished = learners.stream().filter(LearnerProgress::finished).count();
        long active = learners.stream().filter(l -> l.lastActiveAt() != null
                && Duration.between(l.lastActiveAt(), now).compareTo(ACTIVE) <= 0).count();
        Svg svg = new Svg(WIDTH);
        double y = 24;
        String title = "Progress: " + finished + " of " + size + (size == 1 ? " learner" : " learners") + " finished";
        svg.text(LABEL_X, y, "title", title, "finished", String.valueOf(finished), "learners", String.valueOf(size));
        y += 18;
        svg.text(LABEL_X, y, "subtitle", active + " active in the last " + ACTIVE.toMinutes() + " minutes", "active",
                String.valueOf(active));
        y += 14;
        for (LabStep step : steps) {
            long done = learners.stream().filter(l -> l.stepsDone().contains(step.id())).count();
            y += ROW;
            svg.text(LABEL_X, y, "step", Svg.clip(step.title(), 44));
            double top = y - BAR_HEIGHT + 4;
            svg.rect(BAR_X, top, BAR_WIDTH, BAR_HEIGHT, "track");
            double length = size == 0 ? 0 : BAR_WIDTH * done / size;
            svg.rect(BAR_X, top, length, BAR_HEIGHT, "done", "step", step.id(), "done", String.valueOf(done),
                    "learners", String.valueOf(size));
            svg.text(BAR_X + BAR_WIDTH + 8, y, "value", done + " of " + size);
        }
        return svg.finish(y + 16, title, STYLE);
    }
}
