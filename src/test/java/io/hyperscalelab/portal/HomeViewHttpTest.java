package io.hyperscalelab.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Starts the whole application on a free port and loads it over real HTTP the way a browser
 * starts to: the portal sends a newcomer to sign in, and the sign-in page is the Vaadin bootstrap
 * with the client bundle and the theme it points at. This proves that Spring Boot, Spring
 * Security, the Vaadin servlet, the app shell and the built frontend fit together.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomeViewHttpTest {

    /** The client engine's entry script, which Vaadin's frontend build names with a content hash. */
    private static final Pattern ENTRY_SCRIPT =
            Pattern.compile("<script type=\"module\"[^>]*src=\"\\./(VAADIN/build/indexhtml-[^\"]+\\.js)\"");

    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\"[^>]*href=\"(?:\\./)?([^\"]+\\.css)\"");

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    private int port;

    @Test
    void theHomePageSendsANewcomerToSignIn() throws Exception {
        HttpResponse<String> home = get("/");

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(URI.create(location).getPath()).isEqualTo("/login"));
    }

    @Test
    void theSignInPageServesTheVaadinBootstrapWithBundleAndTheme() throws Exception {
        HttpResponse<String> page = get("/login");

        assertThat(page.statusCode()).isEqualTo(200);
        // Set by the app shell: fails if HyperscaleLabApplication is not picked up.
        assertThat(page.body()).contains("<title>Hyperscale Lab</title>");

        // Without the bundle the browser would get an empty page, so follow the script tag.
        Matcher script = ENTRY_SCRIPT.matcher(page.body());
        assertThat(script.find()).as("entry script tag in %s", page.body()).isTrue();
        HttpResponse<String> bundle = get("/" + script.group(1));
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).isNotBlank();

        // @Theme("hyperscale") arrives as a stylesheet of its own when the build reused a stored bundle
        // (Vaadin serves it as pre-compiled), or inside the bundle's stylesheet when Vite has just built it.
        List<String> stylesheets = STYLESHEET.matcher(page.body()).results().map(link -> link.group(1)).toList();
        assertThat(stylesheets).as("stylesheets in %s", page.body()).isNotEmpty();
        assertThat(stylesheets).anySatisfy(path -> {
            HttpResponse<String> css = get("/" + path);
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.body()).contains("#0078d4");
        });
    }

    @Test
    void theLabGuidesFiguresAreServedBeforeSignIn() throws Exception {
        // the lab panel shows them beside the sign-in pages too
        HttpResponse<String> figure = get("/images/architecture.svg");

        assertThat(figure.statusCode()).isEqualTo(200);
        assertThat(figure.body()).contains("<svg");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
