package io.hyperscalelab.lab;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import io.hyperscalelab.security.Account;
import java.util.List;
import java.util.Optional;

/**
 * The Lab Guide tab: one page at a time, Previous and Next at the bottom. The learner's page is
 * saved with their account as they move, so the guide opens there again after sign-out, in another
 * browser or after a restart; before there is any account it is remembered for this page view only.
 */
class LabGuideTab extends Div {

    private final LabGuide guide;
    private final LabProgress progress;
    private final Optional<Account> account;
    private final LabValues values;
    private LabPage current;

    LabGuideTab(LabGuide guide, LabProgress progress, Optional<Account> account, LabValues values) {
        this.guide = guide;
        this.progress = progress;
        this.account = account;
        this.values = values;
        addClassName("lab-guide");
        show(account.flatMap(progress::page).flatMap(guide::page).orElse(guide.first()), false);
    }

    LabPage current() {
        return current;
    }

    private void show(LabPage page, boolean save) {
        current = page;
        if (save) {
            account.ifPresent(a -> progress.save(a, page.id()));
        }
        removeAll();
        H2 title = new H2(page.title());
        title.addClassName("lab-page-title");
        Div body = new Div();
        body.addClassName("lab-page-body");
        for (LabBlock block : page.blocks()) {
            if (block instanceof LabBlock.Code code) {
                body.add(new CodeBlock(code, values));
            } else if (block instanceof LabBlock.Prose prose) {
                body.add(new Markdown(values.apply(prose.markdown())));
            }
        }
        add(title, body, navigation(page));
        // a new page starts at its top, wherever the tab's scroll container was
        title.getElement().executeJs("this.scrollIntoView({block: 'start'})");
    }

    private Div navigation(LabPage page) {
        List<LabPage> pages = guide.pages();
        int index = guide.indexOf(page);
        Button previous = new Button("Previous", e -> show(pages.get(index - 1), true));
        previous.setEnabled(index > 0);
        previous.addClassName("lab-previous");
        Button next = new Button("Next", e -> show(pages.get(index + 1), true));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setEnabled(index < pages.size() - 1);
        next.addClassName("lab-next");
        Span position = new Span((index + 1) + " / " + pages.size());
        position.addClassName("lab-position");
        Div nav = new Div(previous, position, next);
        nav.addClassName("lab-guide-nav");
        return nav;
    }
}
