package io.hyperscalelab.portal;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Set;

/** The Tags tab: name/value pairs on the server group. */
final class TagsTab extends Div {

    private final TextRows tags;

    TagsTab(Runnable changed) {
        addClassName("form-tab");
        setId("tags-tab");
        tags = new TextRows("tags", List.of("Name", "Value"), "Hyperscale (Citus) server group",
                changed);
        add(new Paragraph("Tags are name/value pairs that enable you to categorize resources and view consolidated "
                        + "billing by applying the same tag to multiple resources and resource groups."),
                new Paragraph("Note that if you create tags and then change resource settings on other tabs, your tags "
                        + "will be automatically updated."),
                tags);
    }

    List<ResourceTag> tags() {
        return tags.values().stream().map(cells -> new ResourceTag(cells.get(0), cells.get(1))).toList();
    }

    void showProblems(Set<FormField> shown, List<ServerGroupFormRules.RowProblems> rows) {
        if (shown.contains(FormField.TAGS)) {
            tags.showAll();
        }
        tags.showProblems(rows);
    }
}
