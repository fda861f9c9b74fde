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
 *
 * <p>Previous and Next stay the same buttons from page to page, so quick clicks all count.
 */
public class LabGuideTab extends Div {

    private final LabGuide guide;
    private final LabProgress progress;
    private final Optional<Account> account;
    private final LabValues values;
    /** Whether moving through the guide moves the learner's place; not when an instructor looks on. */
    private final boolean savesPlace;
    private final H2 title = new H2();
    private final Div body = new Div();
    private final Button previous = new Button("Previous");
    private final Button next = new Button("Next");
    private final Span position = new Span();
    private int index;

    LabGuideTab(LabGuide guide, LabProgress progress, Optional<Account> account, LabValues values) {
        this(guide, progress, account, values, true);
    }

    private LabGuideTab(LabGuide guide, LabProgress progress, Optional<Account> account, LabValues values, boolean savesPlace) {
        this.savesPlace = savesPlace;
        this.guide = guide;
        this.progress = progress;
        this.account = account;
        this.values = values;
        addClassName("lab-guide");
        title.addClassName("lab-page-title");
        body.addClassName("lab-page-body");
        previous.addClassName("lab-previous");
        previous.addClickListener(e -> move(-1));
        next.addClassName("lab-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(e -> move(1));
        position.addClassName("lab-position");
        Div nav = new Div(previous, position, next);
        nav.addClassName("lab-guide-nav");
        add(title, body, nav);
        LabPage start = account.flatMap(progress::page).flatMap(guide::page).orElse(guide.first());
        show(guide.indexOf(start));
    }

    /**
     * A learner's guide as their instructor sees it: on the learner's page, with the learner's
     * names filled in; Previous and Next move the instructor's view only.
     */
    public static LabGuideTab readOnly(LabGuide guide, LabProgress progress, Account learner) {
        return new LabGuideTab(guide, progress, Optional.of(learner), LabValues.of(learner.deployment()), false);
    }

    private void move(int step) {
        int target = index + step;
        if (target < 0 || target >= guide.pages().size()) {
            return;
        }
        show(target);
        if (savesPlace) {
            account.ifPresent(a -> progress.save(a, guide.pages().get(target).id()));
        }
    }

    private void show(int pageIndex) {
        List<LabPage> pages = guide.pages();
        index = pageIndex;
        LabPage page = pages.get(pageIndex);
        title.setText(page.title());
        body.removeAll();
        for (LabBlock block : page.blocks()) {
            if (block instanceof LabBlock.Code code) {
                body.add(new CodeBlock(code, values));
            } else if (block instanceof LabBlock.Prose prose) {
                body.add(new Markdown(values.apply(prose.markdown())));
            }
        }
        previous.setEnabled(pageIndex > 0);
        next.setEnabled(pageIndex < pages.size() - 1);
        position.setText((pageIndex + 1) + " / " + pages.size());
        // a new page starts at its top, wherever the tab's scroll container was
        title.getElement().executeJs("this.scrollIntoView({block: 'start'})");
    }
}
