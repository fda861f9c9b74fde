package io.hyperscalelab.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperscalelab.cluster.LearnerEndpoint;
import org.junit.jupiter.api.Test;

class ConnectionStringsViewTest {

    @Test
    void eachEntryHasAnIdFromItsLabel() {
        assertThat(ConnectionStrings.of(new LearnerEndpoint("127.0.0.1", 5432, "citus", "citus", "require"))).extracting(e -> ConnectionStringsView.slug(e.label()))
                .containsExactly("ado-net", "c-libpq", "jdbc", "node-js", "php", "psql", "python", "ruby", "web-app");
    }
}
