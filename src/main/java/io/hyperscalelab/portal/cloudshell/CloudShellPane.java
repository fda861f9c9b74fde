package io.hyperscalelab.portal.cloudshell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.UIScope;
import io.hyperscalelab.portal.LabSubscription;
import io.hyperscalelab.portal.ServerGroupOwners;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.DeploymentId;
import io.hyperscalelab.security.SignedInAccount;
import io.hyperscalelab.shell.CloudShell;
import io.hyperscalelab.shell.TerminalSession;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cloud Shell pane at the bottom of the portal, as the banner's Cloud Shell button opens it:
 * on a learner's first run "Welcome to Azure Cloud Shell" and "You have no storage mounted", then
 * (and on every later opening) a terminal with the learner's shell. It belongs to the portal's
 * frame, so it stays open with its session while the learner moves between portal pages; closing
 * it, or leaving the portal, ends the session.
 */
@SpringComponent
@UIScope
@CssImport("./src/cloud-shell-pane.css")
public class CloudShellPane extends Div implements CloudShellToolbar.Actions {

    private static final Logger log = LoggerFactory.getLogger(CloudShellPane.class);

    private final CloudShell cloudShell;
    private final SignedInAccount signedIn;
    private final ServerGroupOwners owners;
    private final CloudShellStorages storages;
    private final CloudShellToolbar toolbar = new CloudShellToolbar(this);
    private final Div body = new Div();
    /** The terminal on screen; each session gets its own, so a late event of an ended one is told apart. */
    private Xterm terminal;
    private TerminalSession session;
    private boolean minimised;
    private boolean maximised;

    CloudShellPane(CloudShell cloudShell, SignedInAccount signedIn, ServerGroupOwners owners, CloudShellStorages storages) {
        this.cloudShell = cloudShell;
        this.signedIn = signedIn;
        this.owners = owners;
        this.storages = storages;
        addClassName("cloud-shell-pane");
        setId("cloud-shell-pane");
        PaneResizeHandle resizeHandle = new PaneResizeHandle();
        resizeHandle.addResizeListener(() -> {
            maximised = false;
            showState();
        });
        body.addClassName("cloud-shell-body");
        add(resizeHandle, toolbar, body);
        show(false);
        addDetachListener(detach -> close());
    }

    /** The banner's Cloud Shell button: opens the pane, or brings it back from minimised. */
    public void open() {
        show(true);
        minimised = false;
        showState();
        if (terminal != null) {
            terminal.focus();
        } else if (body.getChildren().findAny().isEmpty()) {
            firstRunOrTerminal();
        }
    }

    @Override
    public void close() {
        endSession();
        body.removeAll();
        terminal = null;
        minimised = false;
        maximised = false;
        showState();
        show(false);
    }

    @Override
    public void restart() {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Restart Cloud Shell?");
        confirm.add(new Paragraph("This ends your Cloud Shell session and whatever runs in it, psql included, and starts "
                + "a new one. The files in your home directory stay."));
        Button restart = new Button("Restart", click -> {
            confirm.close();
            endSession();
            body.removeAll();
            terminal = null;
            firstRunOrTerminal();
        });
        restart.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        restart.setId("cloud-shell-restart-confirm");
        confirm.getFooter().add(new Button("Cancel", click -> confirm.close()), restart);
        confirm.open();
    }

    @Override
    public void toggleMinimised() {
        minimised = !minimised;
        showState();
        if (!minimised && terminal != null) {
            terminal.focus();
        }
    }

    @Override
    public void toggleMaximised() {
        maximised = !maximised;
        minimised = false;
        showState();
    }

    /**
     * Shows or hides the pane with the hidden attribute rather than {@code setVisible}: Vaadin holds
     * back changes inside invisible components, and a closed pane must not keep its old terminal.
     */
    private void show(boolean shown) {
        getElement().setAttribute("hidden", !shown);
    }

    private void showState() {
        setClassName("minimised", minimised);
        setClassName("maximised", maximised);
        toolbar.showState(minimised, maximised);
    }

    private void firstRunOrTerminal() {
        Account account = signedIn.require();
        if (storages.find(account).isPresent()) {
            startTerminal(Optional.empty());
        } else {
            body.add(new WelcomePanel(() -> askForStorage(account, false), () -> askForStorage(account, true)));
        }
    }

    private void askForStorage(Account account, boolean powerShellChosen) {
        List<String> resourceGroups = account.deployment().map(DeploymentId::resourceGroupName).stream().toList();
        body.removeAll();
        body.add(new StoragePanel(CloudShellStorage.proposedFor(account), resourceGroups, powerShellChosen,
                storage -> createStorage(account, storage), this::close));
    }

    private Optional<String> createStorage(Account account, CloudShellStorage storage) {
        try {
            CloudShellStorage created = storages.create(account, storage);
            startTerminal(Optional.of(created));
            return Optional.empty();
        } catch (CloudShellStorages.StorageAccountTakenException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A new terminal and session; {@code createdStorage} is said first on the run that created it. */
    private void startTerminal(Optional<CloudShellStorage> createdStorage) {
        body.removeAll();
        Xterm started = new Xterm();
        started.addDataListener(data -> {
            if (terminal == started && session != null) {
                session.keys(data);
            }
        });
        terminal = started;
        body.add(started);
        createdStorage.ifPresent(storage -> started.write(cloudDriveCreated(storage)));
        UI ui = UI.getCurrent();
        try {
            Account account = signedIn.require();
            // psql reaches the learner's own groups only: another learner's host name does not resolve
            session = new TerminalSession(cloudShell, CloudShellUserName.of(account.username()),
                    group -> owners.mayOpen(account, group), new PushedTerminalOutput(ui, started::write),
                    () -> ui.access(() -> sessionExited(started)));
        } catch (IOException | RuntimeException e) {
            log.warn("Cloud Shell could not start: {}", e.getMessage(), e);
            started.write("Cloud Shell could not start: " + e.getMessage() + "\r\n");
        }
        started.focus();
    }

    /** After {@code exit}: the terminal stays readable, with Reconnect below it. */
    private void sessionExited(Xterm ended) {
        if (terminal != ended) {
            return;
        }
        endSession();
        Button reconnect = new Button("Reconnect", click -> startTerminal(Optional.empty()));
        reconnect.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        reconnect.setId("cloud-shell-reconnect");
        Div endedBar = new Div(new Span("Your Cloud Shell session has ended."), reconnect);
        endedBar.addClassName("cloud-shell-ended");
        body.add(endedBar);
    }

    private void endSession() {
        TerminalSession ending = session;
        session = null;
        if (ending != null) {
            // closing waits for a running statement to stop: not on the UI thread
            Thread closer = new Thread(ending::close, "cloud-shell-close");
            closer.setDaemon(true);
            closer.start();
        }
    }

    private static String cloudDriveCreated(CloudShellStorage storage) {
        return String.join("\r\n",
                "Your cloud drive has been created in:",
                "",
                "Subscription Id: " + LabSubscription.DEFAULT.id(),
                "Resource group:  " + storage.resourceGroup(),
                "Storage account: " + storage.storageAccount(),
                "File share:      " + storage.fileShare(),
                "",
                "Initializing your account for Cloud Shell...",
                "");
    }
}
