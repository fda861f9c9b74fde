package io.hyperscalelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerGroupNameTest {

    @Test
    void acceptsTheLabsNames() {
        assertThat(ServerGroupName.problem("postgres131057")).isEmpty();
        assertThat(ServerGroupName.problem("citus-131057")).isEmpty();
        assertThat(ServerGroupName.problem("abc")).isEmpty();
        assertThat(ServerGroupName.problem("a".repeat(40))).isEmpty();
    }

    @Test
    void explainsEachRule() {
        assertThat(ServerGroupName.problem("")).hasValue("The value must not be empty.");
        assertThat(ServerGroupName.problem("ab")).get().asString().contains("between 3 and 40 characters");
        assertThat(ServerGroupName.problem("a".repeat(41))).get().asString().contains("between 3 and 40 characters");
        assertThat(ServerGroupName.problem("Postgres1")).get().asString().contains("lowercase letters, numbers, and hyphens");
        assertThat(ServerGroupName.problem("lab_one")).get().asString().contains("lowercase letters, numbers, and hyphens");
        assertThat(ServerGroupName.problem("lab.one")).get().asString().contains("lowercase letters, numbers, and hyphens");
        assertThat(ServerGroupName.problem("-lab")).get().asString().contains("must not start or end with a hyphen");
        assertThat(ServerGroupName.problem("lab-")).get().asString().contains("must not start or end with a hyphen");
    }

    @Test
    void constructorRefusesWhatProblemReports() {
        assertThatThrownBy(() -> new ServerGroupName("../etc")).isInstanceOf(ClusterException.class);
        assertThat(new ServerGroupName("lab-one").value()).isEqualTo("lab-one");
    }
}
