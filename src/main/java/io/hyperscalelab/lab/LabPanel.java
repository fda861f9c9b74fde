package io.hyperscalelab.lab;

import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.UIScope;

/** The lab guide beside the portal: tabs, the lab's pages in order, Previous and Next. */
@SpringComponent
@UIScope
public class LabPanel extends Aside {

    public LabPanel() {
        addClassName("lab-panel");
        add(new H2("Lab Guide"));
    }
}
