package io.hyperscalelab;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of Hyperscale Lab.
 *
 * <p>It is also the Vaadin app shell: Vaadin reads page-wide settings (the theme, the initial
 * page title) only from the one class that implements {@link AppShellConfigurator}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Theme("hyperscale")
// Server push: deployment and node statuses reach the browser as they change.
@Push
public class HyperscaleLabApplication implements AppShellConfigurator {

    /** Shown in the browser tab until a view sets its own {@code @PageTitle}. */
    static final String APP_TITLE = "Hyperscale Lab";

    public static void main(String[] args) {
        SpringApplication.run(HyperscaleLabApplication.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        // Written into the bootstrap HTML itself, so even the first paint has a sensible title.
        settings.setPageTitle(APP_TITLE);
    }
}
