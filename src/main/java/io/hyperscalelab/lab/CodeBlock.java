package io.hyperscalelab.lab;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;

/** A code block of the guide (SQL, a psql command, ...) with its Copy button. */
class CodeBlock extends Div {

    CodeBlock(LabBlock.Code code, LabValues values) {
        addClassName("lab-code");
        String text = values.apply(code.text());
        Pre pre = new Pre(text);
        if (!code.language().isEmpty()) {
            pre.getElement().setAttribute("data-language", code.language());
        }
        add(pre, new CopyButton(text, "Copy"));
    }
}
