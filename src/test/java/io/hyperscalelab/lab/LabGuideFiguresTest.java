package io.hyperscalelab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every figure a lab page shows is one the build ships: a file in Images/. */
class LabGuideFiguresTest {

    private static final Pattern FIGURE = Pattern.compile("!\\[[^\\]]*\\]\\(images/([^)]+)\\)");

    @Test
    void everyFigureTheGuideShowsExistsInImages() throws IOException {
        List<String> figures;
        try (Stream<Path> pages = Files.list(Path.of("src/main/resources/lab/guide"))) {
            figures = pages.filter(p -> p.toString().endsWith(".md"))
                    .flatMap(LabGuideFiguresTest::figuresOf)
                    .toList();
        }

        assertThat(figures).isNotEmpty();
        assertThat(figures).allSatisfy(name -> assertThat(Path.of("Images", name)).isRegularFile());
    }

    private static Stream<String> figuresOf(Path page) {
        try {
            Matcher m = FIGURE.matcher(Files.readString(page));
            return m.results().map(r -> r.group(1)).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
