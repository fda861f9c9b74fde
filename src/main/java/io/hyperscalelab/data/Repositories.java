package io.hyperscalelab.data;

/**
 * Repository ids and names. Every user owns a handful of repositories and every organisation a
 * few dozen; each is numbered by a key, and ids are a keyed shuffle of the keys, so a repository
 * has the same id and name in every event that touches it. Repositories created during the
 * window (forks, the bots' test repositories) take keys after those.
 */
final class Repositories {

    static final int PER_USER = 8;
    static final int PER_ORGANISATION = 24;

    /** GitHub had handed out about 75 million repository ids by December 2016. */
    private static final long GITHUB_REPOSITORY_IDS = 75_000_000L;

    /** A step coprime with the name count, so one owner's repositories never share a name. */
    private static final int NAME_STEP = 179;

    private static final int NAME_COUNT = Words.STANDALONE_REPOS.size() + Words.REPO_TOPICS.size() * Words.REPO_THINGS.size();

    private final long seed;
    private final UserDirectory users;
    private final Organisations organisations;
    private final long firstCreatedKey;
    private final IndexPermutation ids;

    Repositories(long seed, UserDirectory users, Organisations organisations, long maxCreated) {
        this.seed = seed;
        this.users = users;
        this.organisations = organisations;
        this.firstCreatedKey = (long) users.count() * PER_USER + (long) organisations.count() * PER_ORGANISATION;
        this.ids = new IndexPermutation(Math.max(GITHUB_REPOSITORY_IDS, firstCreatedKey + maxCreated), Mix.hash(seed, 40, 0));
    }

    Repository ofUser(int user, int number) {
        long key = (long) user * PER_USER + number;
        return new Repository(id(key), users.login(user), name(Mix.hash(seed, 41, user), number), null);
    }

    Repository ofOrganisation(int organisation, int number) {
        long key = (long) users.count() * PER_USER + (long) organisation * PER_ORGANISATION + number;
        Org org = organisations.org(organisation);
        return new Repository(id(key), org.login(), name(Mix.hash(seed, 42, organisation), number), org);
    }

    /** The serial-th repository created during the window; serials must stay below maxCreated. */
    Repository created(long serial, String owner, String name, Org org) {
        if (serial >= ids.size() - firstCreatedKey) {
            throw new IllegalStateException("More repositories created than announced: " + serial);
        }
        return new Repository(id(firstCreatedKey + serial), owner, name, org);
    }

    Org organisation(int index) {
        return organisations.org(index);
    }

    private long id(long key) {
        return 1 + ids.apply(key);
    }

    static String name(long ownerHash, int number) {
        int index = (int) Math.floorMod(ownerHash + (long) number * NAME_STEP, (long) NAME_COUNT);
        if (index < Words.STANDALONE_REPOS.size()) {
            return Words.STANDALONE_REPOS.get(index);
        }
        index -= Words.STANDALONE_REPOS.size();
        return Words.REPO_TOPICS.get(index / Words.REPO_THINGS.size()) + "-" + Words.REPO_THINGS.get(index % Words.REPO_THINGS.size());
    }
}
