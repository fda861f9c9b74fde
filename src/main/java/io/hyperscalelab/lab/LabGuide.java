package io.hyperscalelab.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The lab guide's pages, read once from {@code src/main/resources/lab/guide/}: {@code pages.txt}
 * lists them in order ({@code id | title}), and each is {@code <id>.md}, Markdown whose fenced
 * code blocks become copyable {@link LabBlock.Code} blocks. Pages are data, so later steps
 * (self-checks, screenshots) add to the files rather than to component code.
 */
@Component
public class LabGuide {

    private static final String ROOT = "/lab/";
    /** The word of a code block's info string that offers it to the query editor. */
    static final String QUERY_EDITOR = "query-editor";
    /** A fenced block of this language is a step's self-check; its text is the step's id. */
    static final String CHECK = "check";
    /** A fenced block of this language is the learner's own figures. */
    static final String FIGURES = "figures";
    private final List<LabPage> pages;

    public LabGuide() {
        List<LabPage> loaded = new ArrayList<>();
        for (String line : read("guide/pages.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\|", 2);
            if (parts.length != 2) {
                throw new IllegalStateException("lab/guide/pages.txt: expected 'id | title', got: " + line);
            }
            String id = parts[0].strip();
            loaded.add(new LabPage(id, parts[1].strip(), parse(read("guide/" + id + ".md"))));
        }
        if (loaded.isEmpty()) {
            throw new IllegalStateException("lab/guide/pages.txt lists no pages");
        }
        this.pages = List.copyOf(loaded);
    }

    public List<LabPage> pages() {
        return pages;
    }

    public LabPage first() {
        return pages.get(0);
    }

    public Optional<LabPage> page(String id) {
        return pages.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public int indexOf(LabPage page) {
        return pages.indexOf(page);
    }

    /**
     * Splits Markdown at fenced code blocks (```lang [query-editor] ... ```, ```check ... ```,
     * ```figures ```); everything else stays prose.
     */
    static List<LabBlock> parse(String markdown) {
        List<LabBlock> blocks = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        StringBuilder code = null;
        String[] info = {""};
        for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
            if (line.startsWith("```")) {
                if (code == null) {
                    addProse(blocks, prose);
                    prose.setLength(0);
                    info = line.substring(3).strip().split("\\s+");
                    code = new StringBuilder();
                } else {
                    blocks.add(block(info, code.toString().stripTrailing()));
                    code = null;
                }
            } else if (code != null) {
                code.append(line).append('\n');
            } else {
                prose.append(line).append('\n');
            }
        }
        if (code != null) {
            throw new IllegalStateException("A code block is not closed with ```");
        }
        addProse(blocks, prose);
        return blocks;
    }

    private static LabBlock block(String[] info, String text) {
        return switch (info[0]) {
            case CHECK -> new LabBlock.Check(text.strip());
            case FIGURES -> new LabBlock.Figures();
            default -> new LabBlock.Code(info[0], text, Arrays.asList(info).contains(QUERY_EDITOR));
        };
    }

    private static void addProse(List<LabBlock> blocks, StringBuilder prose) {
        if (!prose.toString().isBlank()) {
            blocks.add(new LabBlock.Prose(prose.toString().strip()));
        }
    }

    /** A text resource under {@code src/main/resources/lab/}. */
    static String read(String name) {
        try (InputStream in = LabGuide.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing lab guide resource " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
