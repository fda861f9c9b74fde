package io.hyperscalelab.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionStringsViewTest {

    @Test
    void eachEntryHasAnIdFromItsLabel() {
        assertThat(ConnectionStrings.of("127.0.0.1", 5432)).extracting(e -> ConnectionStringsView.slug(e.label()))
                .containsExactly("ado-net", "c-libpq", "jdbc", "node-js", "php", "psql", "python", "ruby", "web-app");
    }
}
