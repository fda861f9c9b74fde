package io.hyperscalelab.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a learner is given: a deployment id that names everything, and a password they can type. */
class LearnerCredentialsTest {

    @Test
    void theDeploymentIdNamesTheAccountAndTheResources() {
        DeploymentId id = new DeploymentId(131057);

        assertThat(id.learnerUsername()).isEqualTo("odl_user_131057@hyperscalelab.onmicrosoft.com");
        assertThat(id.serverGroupName()).isEqualTo("postgres131057");
        assertThat(id.resourceGroupName()).isEqualTo("citus-131057");
        assertThat(id.coordinatorDisplayName()).isEqualTo("srv131057.postgres.database.azure.com");
        assertThat(Usernames.problem(id.learnerUsername())).isEmpty();
        assertThatThrownBy(() -> new DeploymentId(99_999)).hasMessageContaining("six digits");
    }

    @Test
    void passwordsAreLongReadableAndMixed() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String password = GeneratedPassword.generate(random);
            assertThat(password).hasSize(16).matches(".*[A-Z].*").matches(".*[a-z].*").matches(".*[2-9].*")
                    .doesNotContainAnyWhitespaces().doesNotContain("0", "O", "1", "l", "I");
            seen.add(password);
        }
        assertThat(seen).hasSize(2000);
    }

    @Test
    void signInNamesAreComparedWithoutCaseOrBlanks() {
        assertThat(Usernames.normalize("  ODL_User_131057@HyperscaleLab.onmicrosoft.com ")).isEqualTo(
                "odl_user_131057@hyperscalelab.onmicrosoft.com");
        assertThat(Usernames.problem("no-at-sign")).hasValue(Usernames.NOT_AN_EMAIL);
        assertThat(Usernames.problem("")).hasValue(Usernames.NOT_AN_EMAIL);
    }
}
