package io.hyperscalelab.instructor.demo;

import io.hyperscalelab.lab.LabBlock;
import io.hyperscalelab.lab.LabGuide;
import io.hyperscalelab.lab.LabPage;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo's steps: every {@code bash} and {@code sql} code block of the lab guide, in the
 * guide's order, so the demo shows exactly what learners type. The guide's portal steps
 * (creating the group, opening the firewall, connecting) are done by {@link DemoRun} before
 * the first step.
 */
@Component
public class DemoScript {

    private final List<DemoStep> steps;

    public DemoScript(LabGuide guide) {
        List<DemoStep> found = new ArrayList<>();
        for (LabPage page : guide.pages()) {
            for (LabBlock block : page.blocks()) {
                if (block instanceof LabBlock.Code code && (code.language().equals("bash") || code.language().equals("sql"))) {
                    found.add(new DemoStep(found.size() + 1, page.title(), code.language().equals("bash"), code.text()));
                }
            }
        }
        this.steps = List.copyOf(found);
    }

    public List<DemoStep> steps() {
        return steps;
    }
}
