package io.hyperscalelab.data;

import java.util.List;

/**
 * A test or CI account that creates repositories all day, like the ones at the top of the lab's
 * "top users by created repositories" answer. Rates are per event of the lab's file, so the
 * bots keep their share of the traffic at any size.
 *
 * @param labEvents how many events this account has at the lab's size, on average
 * @param repositoryShare the share of its events that create a repository; the rest push to one
 * @param repositoryPrefix how its generated repositories are named
 */
record BotAccount(String login, int labEvents, double repositoryShare, String repositoryPrefix) {

    /**
     * Invented names in the style of the lab's bots. Each has at least two hyphens, which no
     * generated login has, so they can never clash with one.
     */
    static final List<BotAccount> CAST = List.of(
            new BotAccount("sprocket-test-web", 66, 0.91, "sdm-test"),
            new BotAccount("sprocket-web-test-staging", 61, 0.9, "sdm-staging"),
            new BotAccount("nightowl-ci-github", 56, 0.9, "nightowl-ci"),
            new BotAccount("orbit-api-test", 45, 0.89, "api-test-repo"),
            new BotAccount("k9-github-integration-test-user", 9, 0.7, "integration-test"));

    /** The probability that any one event is this account's. */
    double eventShare() {
        return (double) labEvents / DatasetSize.LAB.events();
    }
}
