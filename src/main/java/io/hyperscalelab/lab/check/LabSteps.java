package io.hyperscalelab.lab.check;

import io.hyperscalelab.data.DatasetSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every step of the lab that checks itself, in the guide's order. */
@Component
public class LabSteps {

    private final List<StepCheck> checks;

    public LabSteps() {
        List<StepCheck> all = new ArrayList<>(List.of(new ServerGroupReady(), new CloudShellAdmitted(), new TablesCreated(),
                new IndexesCreated(), new TablesDistributed(), new DataLoaded(DatasetSize.LAB)));
        for (LabQuery query : LabQuery.values()) {
            all.add(new LabQueryRan(query));
        }
        this.checks = List.copyOf(all);
    }

    public List<LabStep> all() {
        return checks.stream().map(StepCheck::step).toList();
    }

    public Optional<LabStep> step(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The steps on one page of the guide, in order. */
    public List<LabStep> onPage(String pageId) {
        return all().stream().filter(s -> s.page().equals(pageId)).toList();
    }

    List<StepCheck> checks(List<String> stepIds) {
        return checks.stream().filter(c -> stepIds.contains(c.step().id())).toList();
    }
}
