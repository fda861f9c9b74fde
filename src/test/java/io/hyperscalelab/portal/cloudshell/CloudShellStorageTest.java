package io.hyperscalelab.portal.cloudshell;

import static org.assertj.core.api.Assertions.assertThat;

import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.DeploymentId;
import io.hyperscalelab.security.Role;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Azure's names for Cloud Shell storage, and the user name a learner gets in the shell. */
class CloudShellStorageTest {

    @Test
    void aLearnerIsProposedTheLabsOwnNames() {
        Account learner = new Account(7, "odl_user_131057@hyperscalelab.onmicrosoft.com", Role.LEARNER, new DeploymentId(131057),
                null, true, Instant.now());
        assertThat(CloudShellStorage.proposedFor(learner))
                .isEqualTo(new CloudShellStorage("East US", "citus-131057", "sa131057", "fs131057"));
    }

    @Test
    void anAccountWithoutALabIsProposedAzuresOwnResourceGroup() {
        Account instructor = new Account(42, "teacher@hyperscalelab.onmicrosoft.com", Role.INSTRUCTOR, null, null, true, Instant.now());
        CloudShellStorage proposed = CloudShellStorage.proposedFor(instructor);
        assertThat(proposed).isEqualTo(new CloudShellStorage("East US", "cloud-shell-storage-eastus", "cs0000000042", "cs-42"));
        assertThat(CloudShellStorage.storageAccountProblem(proposed.storageAccount())).isEmpty();
        assertThat(CloudShellStorage.fileShareProblem(proposed.fileShare())).isEmpty();
    }

    @Test
    void storageAccountNamesHave3To24LowerCaseLettersAndDigits() {
        assertThat(CloudShellStorage.storageAccountProblem("sa1")).isEmpty();
        assertThat(CloudShellStorage.storageAccountProblem("a".repeat(24))).isEmpty();
        assertThat(CloudShellStorage.storageAccountProblem("")).hasValue("The value must not be empty.");
        for (String bad : new String[] {"sa", "a".repeat(25), "Sa131057", "sa-131057", "sa_1", "sä131057"}) {
            assertThat(CloudShellStorage.storageAccountProblem(bad)).as(bad).hasValueSatisfying(
                    message -> assertThat(message).contains("between 3 and 24 characters long"));
        }
    }

    @Test
    void fileShareNamesAllowSingleHyphensBetweenLettersAndDigits() {
        for (String good : new String[] {"fs1", "fs-131057", "a-b-c", "0ab", "a".repeat(63)}) {
            assertThat(CloudShellStorage.fileShareProblem(good)).as(good).isEmpty();
        }
        assertThat(CloudShellStorage.fileShareProblem(null)).hasValue("The value must not be empty.");
        for (String bad : new String[] {"fs", "-fs1", "fs1-", "fs--1", "Fs1", "fs_1", "a".repeat(64)}) {
            assertThat(CloudShellStorage.fileShareProblem(bad)).as(bad).hasValueSatisfying(
                    message -> assertThat(message).contains("lowercase letters, numbers and single hyphens"));
        }
    }

    @Test
    void theShellUserIsTheSignInNameBeforeTheAt() {
        assertThat(CloudShellUserName.of("odl_user_131057@hyperscalelab.onmicrosoft.com")).isEqualTo("odl_user_131057");
        assertThat(CloudShellUserName.of("Jane.Doe@contoso.com")).isEqualTo("jane_doe");
        assertThat(CloudShellUserName.of("1st@contoso.com")).isEqualTo("_1st");
        assertThat(CloudShellUserName.of("x".repeat(40) + "@contoso.com")).hasSize(32);
    }
}
