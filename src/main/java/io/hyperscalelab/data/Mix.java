package io.hyperscalelab.data;

/**
 * Stateless hashing of (seed, stream, index). Per-user attributes come from here rather than
 * from a sequential random generator, so the users file and the events file agree on a user's
 * id and login without either of them keeping a table of users in memory.
 */
final class Mix {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix() {
    }

    /** SplitMix64's finaliser: a bijection on longs with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, long stream, long index) {
        return mix(mix(seed + stream * GOLDEN) + index * GOLDEN);
    }

    /** A value in [0, bound) from a hash, without modulo bias worth mentioning. */
    static int below(long hash, int bound) {
        return (int) (((hash >>> 32) * bound) >>> 32);
    }

    /** A value in [0, 1) from a hash. */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }
}
