package io.hyperscalelab.data;

import java.util.SplittableRandom;

/**
 * Who acts and whose repositories get attention. Both follow a power law over a shuffled
 * ranking of the users: the top-ranked user gets about 1.5% of ordinary events and most users
 * get none, like GitHub's mix of busy automation, regular developers and a long tail. Ranks
 * are drawn as count * u^skew with u uniform, which needs no table of weights.
 */
final class Activity {

    /** Larger is more skewed; 3 puts roughly one user in three into the four hours. */
    private static final double ACTOR_SKEW = 3.0;
    private static final double OWNER_SKEW = 2.5;
    private static final double ORGANISATION_SKEW = 2.0;

    private final UserDirectory users;
    private final Organisations organisations;
    private final IndexPermutation actorRanking;
    private final IndexPermutation ownerRanking;
    private final IndexPermutation organisationRanking;

    Activity(long seed, UserDirectory users, Organisations organisations) {
        this.users = users;
        this.organisations = organisations;
        this.actorRanking = new IndexPermutation(users.count(), Mix.hash(seed, 60, 0));
        this.ownerRanking = new IndexPermutation(users.count(), Mix.hash(seed, 61, 0));
        this.organisationRanking = new IndexPermutation(organisations.count(), Mix.hash(seed, 62, 0));
    }

    /** An ordinary actor; never a user whose events are scripted, so their stories stay as told. */
    int actor(SplittableRandom random) {
        long rank = rank(random, users.count(), ACTOR_SKEW);
        int user = (int) actorRanking.apply(rank);
        while (users.isScripted(user)) {
            rank = (rank + 1) % users.count();
            user = (int) actorRanking.apply(rank);
        }
        return user;
    }

    /** The owner of a repository that other people watch, fork and comment on. */
    int popularOwner(SplittableRandom random) {
        return (int) ownerRanking.apply(rank(random, users.count(), OWNER_SKEW));
    }

    int organisation(SplittableRandom random) {
        return (int) organisationRanking.apply(rank(random, organisations.count(), ORGANISATION_SKEW));
    }

    /** A user picked without preference, e.g. someone added as a collaborator. */
    int anyUser(SplittableRandom random) {
        return random.nextInt(users.count());
    }

    private static long rank(SplittableRandom random, int count, double skew) {
        return Math.min(count - 1, (long) (count * Math.pow(random.nextDouble(), skew)));
    }
}
