package io.hyperscalelab.lab.check;

/**
 * What a check found: passed or not, and why, in a sentence for the learner (with their own
 * figures when it passed, what to do next when it did not).
 */
public record CheckResult(boolean passed, String detail) {

    public static CheckResult passed(String detail) {
        return new CheckResult(true, detail);
    }

    public static CheckResult notYet(String detail) {
        return new CheckResult(false, detail);
    }
}
