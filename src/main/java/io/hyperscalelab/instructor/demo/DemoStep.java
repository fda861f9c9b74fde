package io.hyperscalelab.instructor.demo;

import java.util.List;

/**
 * One step of the demo: a code block of the lab guide.
 *
 * @param number  1, 2, ... in the guide's order
 * @param page    the title of the guide page it is on
 * @param shell   true for a {@code bash} block (typed at the shell's prompt), false for SQL (typed into psql)
 * @param code    the block as the guide shows it
 */
public record DemoStep(int number, String page, boolean shell, String code) {

    /** The lines typed for it, blank ones left out. */
    public List<String> lines() {
        return code.lines().filter(line -> !line.isBlank()).toList();
    }
}
