package io.hyperscalelab.lab;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.shared.Registration;
import io.hyperscalelab.security.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Lab Guide tab: one page at a time, Previous and Next at the bottom with a button per page
 * between them (marked once all of its steps are done). The learner's page is saved with their
 * account as they move, so the guide opens there again after sign-out, in another browser or
 * after a restart; before there is any account it is remembered for this page view only.
 *
 * <p>A signed-in learner's pages carry their steps' self-checks ({@link StepCheckBlock}), run
 * when the page is shown, and Conclusions their own figures ({@link LabFiguresBlock}).
 *
 * <p>Previous and Next stay the same buttons from page to page, so quick clicks all count.
 */
public class LabGuideTab extends Div {

    private final LabGuide guide;
    private final LabProgress progress;
    private final Optional<Account> account;
    private final LabValues values;
    private final Optional<GuideChecks> checks;
    /** Whether moving through the guide moves the learner's place; not when an instructor looks on. */
    private final boolean savesPlace;
    private final H2 title = new H2();
    private final Div body = new Div();
    private final Button previous = new Button("Previous");
    private final Button next = new Button("Next");
    private final List<Button> pageButtons = new ArrayList<>();
    private final Span position = new Span();
    private Runnable stopMarking;
    private Registration navigation;
    private int index;

    LabGuideTab(LabGuide guide, LabProgress progress, Optional<Account> account, LabValues values,
                Optional<GuideChecks> checks) {
        this(guide, progress, account, values, checks, true);
    }

    private LabGuideTab(LabGuide guide, LabProgress progress, Optional<Account> account, LabValues values,
                        Optional<GuideChecks> checks, boolean savesPlace) {
        this.savesPlace = savesPlace;
        this.guide = guide;
        this.progress = progress;
        this.account = account;
        this.values = values;
        this.checks = checks;
        addClassName("lab-guide");
        title.addClassName("lab-page-title");
        body.addClassName("lab-page-body");
        previous.addClassName("lab-previous");
        previous.addClickListener(e -> move(index - 1));
        next.addClassName("lab-next");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.addClickListener(e -> move(index + 1));
        Div pageList = new Div();
        pageList.addClassName("lab-page-list");
        List<LabPage> all = guide.pages();
        for (int i = 0; i < all.size(); i++) {
            int target = i;
            Button page = new Button(String.valueOf(i + 1), e -> move(target));
            page.addClassName("lab-page-button");
            page.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            page.getElement().setAttribute("title", all.get(i).title());
            page.getElement().setAttribute("aria-label", "Page " + (i + 1) + ": " + all.get(i).title());
            pageButtons.add(page);
            pageList.add(page);
        }
        position.addClassName("lab-position");
        Div pages = new Div(pageList, position);
        pages.addClassName("lab-pages");
        Div nav = new Div(previous, pages, next);
        nav.addClassName("lab-guide-nav");
        add(title, body, nav);
        navigateInsideTheApp();
        LabPage start = account.flatMap(progress::page).flatMap(guide::page).orElse(guide.first());
        show(guide.indexOf(start));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        checks.ifPresent(c -> {
            c.follow(attachEvent.getUI());
            stopMarking = c.onChange(this::markPages);
            // e.g. "Go to resource" once a deployment is complete: its step may be done now
            navigation = attachEvent.getUI().addAfterNavigationListener(e -> c.lookAgainAtPage());
            markPages();
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        checks.ifPresent(GuideChecks::unfollow);
        if (stopMarking != null) {
            stopMarking.run();
            stopMarking = null;
        }
        if (navigation != null) {
            navigation.remove();
            navigation = null;
        }
    }

    /**
     * A link of the guide's text to one of the portal's own pages ("see how your query ran") opens
     * it inside the app, as the portal's own links do: loading the page anew would end the
     * learner's Cloud Shell session.
     */
    private void navigateInsideTheApp() {
        String link = "event.target.closest('a[href^=\"/\"]:not([router-link])')";
        String href = link + ".getAttribute('href')";
        body.getElement().addEventListener("click", click -> {
            Location location = new Location(click.getEventData().getString(href).substring(1));
            getUI().ifPresent(ui -> ui.navigate(location.getPath(), location.getQueryParameters()));
        }).setFilter(link + " != null").addEventData(href).addEventData("(" + link + " != null) && event.preventDefault()");
    }

    /**
     * A learner's guide as their instructor sees it: on the learner's page, with the learner's
     * names filled in; Previous and Next move the instructor's view only.
     */
    public static LabGuideTab readOnly(LabGuide guide, LabProgress progress, Account learner) {
        return new LabGuideTab(guide, progress, Optional.of(learner), LabValues.of(learner.deployment()), Optional.empty(), false);
    }

    private void move(int target) {
        if (target < 0 || target >= guide.pages().size() || target == index) {
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
            } else if (block instanceof LabBlock.Check check) {
                checks.ifPresent(c -> c.step(check.stepId()).ifPresent(step -> body.add(new StepCheckBlock(c, step))));
            } else if (block instanceof LabBlock.Figures) {
                checks.ifPresent(c -> body.add(new LabFiguresBlock(c)));
            }
        }
        previous.setEnabled(pageIndex > 0);
        next.setEnabled(pageIndex < pages.size() - 1);
        position.setText((pageIndex + 1) + " / " + pages.size());
        markPages();
        checks.ifPresent(c -> c.checkPage(page.id()));
        // a new page starts at its top, wherever the tab's scroll container was
        title.getElement().executeJs("this.scrollIntoView({block: 'start'})");
    }

    private void markPages() {
        List<LabPage> pages = guide.pages();
        for (int i = 0; i < pageButtons.size(); i++) {
            String pageId = pages.get(i).id();
            boolean done = checks.map(c -> c.isPageDone(pageId)).orElse(false);
            Button button = pageButtons.get(i);
            button.getElement().setAttribute("current", i == index);
            button.getElement().setAttribute("done", done);
            button.setSuffixComponent(done ? VaadinIcon.CHECK.create() : null);
        }
    }
}
