package io.hyperscalelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminPasswordTest {

    @Test
    void lengthIsCountedInCharactersFrom8To128() {
        assertThat(AdminPassword.problem("Ab1!xyz", "citus")).hasValue("Your password must be at least 8 characters in length.");
        assertThat(AdminPassword.problem("Ab1!wxyz", "citus")).isEmpty();
        String longest = "Ab1!" + "x".repeat(124);
        assertThat(AdminPassword.problem(longest, "citus")).isEmpty();
        assertThat(AdminPassword.problem(longest + "x", "citus"))
                .hasValue("Your password must be at most 128 characters in length.");
        // Eight characters outside the Basic Multilingual Plane are sixteen Java chars, still eight characters.
        assertThat(AdminPassword.problem("Ab1" + "\uD83D\uDE00".repeat(5), "citus")).isEmpty();
    }

    @Test
    void needsThreeOfTheFourCategories() {
        assertThat(AdminPassword.problem("abcdefgh", "citus")).get().asString().contains("three of the following categories");
        assertThat(AdminPassword.problem("abcdEFGH", "citus")).get().asString().contains("three of the following categories");
        assertThat(AdminPassword.problem("abcd1234", "citus")).get().asString().contains("three of the following categories");
        assertThat(AdminPassword.problem("!!!!1234", "citus")).get().asString().contains("three of the following categories");
        assertThat(AdminPassword.problem("abcdEF12", "citus")).isEmpty();
        assertThat(AdminPassword.problem("abcd12!!", "citus")).isEmpty();
        assertThat(AdminPassword.problem("ABCD12!!", "citus")).isEmpty();
        assertThat(AdminPassword.problem("abcdEF!!", "citus")).isEmpty();
        // Letters outside English count as non-alphanumeric, as in Azure's rule.
        assertThat(AdminPassword.problem("abcdéfg1", "citus")).isEmpty();
    }

    @Test
    void mustNotContainTheLoginInAnyCase() {
        assertThat(AdminPassword.problem("MyCitus1!", "citus")).hasValue("Your password cannot contain the login name 'citus'.");
        assertThat(AdminPassword.problem("CITUS-lab-2", "citus")).hasValue("Your password cannot contain the login name 'citus'.");
        assertThat(AdminPassword.problem("Cit-us-lab-2", "citus")).isEmpty();
    }

    @Test
    void emptyAndNulAreRefused() {
        assertThat(AdminPassword.problem(null, "citus")).hasValue("The administrator password must not be empty.");
        assertThat(AdminPassword.problem("", "citus")).hasValue("The administrator password must not be empty.");
        assertThat(AdminPassword.problem("Lab-Pass\0word1", "citus")).hasValue("Your password cannot contain the NUL character.");
    }

    @Test
    void theLabsOwnPasswordsPass() {
        assertThat(AdminPassword.problem("Password.1!!", AdminPassword.LOGIN)).isEmpty();
        assertThat(AdminPassword.problem("Password123", AdminPassword.LOGIN)).isEmpty();
        assertThat(AdminPassword.problem("Password1!", AdminPassword.LOGIN)).isEmpty();
        assertThat(AdminPassword.LOGIN).isEqualTo("citus");
    }
}
