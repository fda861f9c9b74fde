package io.hyperscalelab.lab;

import java.util.List;

/**
 * One page of the lab guide, in order.
 *
 * @param id     stable name, stored as the learner's place (e.g. {@code exercise-1})
 * @param title  what the page is called in the guide
 * @param blocks its content, with {@code {{placeholders}}} still in it (see {@link LabValues})
 */
public record LabPage(String id, String title, List<LabBlock> blocks) {

    public LabPage {
        blocks = List.copyOf(blocks);
    }
}
