package io.hyperscalelab.lab;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A code block of the guide (SQL, a psql command, ...) with its Copy button, and for a statement
 * to try in the portal a link that opens the query editor with it.
 */
class CodeBlock extends Div {

    CodeBlock(LabBlock.Code code, LabValues values) {
        addClassName("lab-code");
        String text = values.apply(code.text());
        Pre pre = new Pre(text);
        if (!code.language().isEmpty()) {
            pre.getElement().setAttribute("data-language", code.language());
        }
        add(pre, new CopyButton(text, "Copy"));
        if (code.queryEditor()) {
            Anchor open = new Anchor(values.apply("{{query-editor}}") + "?sql="
                    + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"), "Open in the query editor");
            // navigates inside the app, as the portal's own links do, rather than loading the page again
            open.getElement().setAttribute("router-link", true);
            open.addClassName("lab-open-in-editor");
            add(open);
        }
    }
}
