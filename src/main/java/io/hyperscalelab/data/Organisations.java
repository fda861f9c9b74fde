package io.hyperscalelab.data;

import java.util.List;

/**
 * The organisations that own about a fifth of the repositories events touch. They never appear
 * in github_users (the lab's users file holds the people who act), only in events' org column.
 */
final class Organisations {

    static final List<String> SUFFIXES = List.of("labs", "hq", "io", "team", "soft", "org", "group", "community");

    private final int count;
    private final UniqueNames logins;
    private final IndexPermutation idBlocks;

    Organisations(long seed, int userCount) {
        this.count = Math.max(50, Math.min(20_000, userCount / 40));
        this.logins = new UniqueNames(styles(), List.of(6, 3, 1), count, Mix.hash(seed, 30, 0), 0.05, 0.1);
        this.idBlocks = new IndexPermutation(userCount, Mix.hash(seed, 31, 0));
    }

    int count() {
        return count;
    }

    Org org(int index) {
        return new Org(UserDirectory.organisationId(idBlocks.apply(index)), logins.name(index));
    }

    static List<NameStyle> styles() {
        return List.of(
                NameStyle.of("-", Words.ADJECTIVES, Words.NOUNS),
                NameStyle.of("", Words.NOUNS, SUFFIXES),
                NameStyle.of("-", Words.REPO_TOPICS, SUFFIXES));
    }
}
