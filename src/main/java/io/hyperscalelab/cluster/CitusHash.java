package io.hyperscalelab.cluster;

/**
 * Citus' hash routing, for clients that send rows straight to shards: the 32-bit hash of the
 * distribution column, placed into one of {@code shardCount} equal ranges over int32. The hash is
 * PostgreSQL's {@code hashint8} (lookup3's final mix over the folded 64-bit value), so an int2,
 * int4 or int8 key lands exactly where the coordinator's hash operator class routes it.
 */
public final class CitusHash {

    private static final long HASH_TOKEN_COUNT = 1L << 32;

    private CitusHash() {
    }

    /** The shard index (0-based, in shard-id order) of an integer distribution value. */
    public static int shardIndex(long value, int shardCount) {
        return shardIndexOfHash(hashInt8(value), shardCount);
    }

    /** Which of {@code shardCount} equal int32 ranges a 32-bit hash falls into (the last absorbs the remainder). */
    public static int shardIndexOfHash(int hash, int shardCount) {
        long increment = HASH_TOKEN_COUNT / shardCount;
        long index = ((long) hash + (1L << 31)) / increment;
        return (int) Math.min(index, shardCount - 1);
    }

    /** PostgreSQL's hashint8: values that fit in 32 bits hash like int4, so int2/int4/int8 agree. */
    public static int hashInt8(long value) {
        int lo = (int) value;
        int hi = (int) (value >>> 32);
        lo ^= value >= 0 ? hi : ~hi;
        return hashUint32(lo);
    }

    /** PostgreSQL's hash_bytes_uint32 (src/common/hashfn.c): lookup3's final() on one word. */
    static int hashUint32(int k) {
        int a = 0x9e3779b9 + 4 + 3923095;
        int b = a;
        int c = a;
        a += k;
        c ^= b; c -= Integer.rotateLeft(b, 14);
        a ^= c; a -= Integer.rotateLeft(c, 11);
        b ^= a; b -= Integer.rotateLeft(a, 25);
        c ^= b; c -= Integer.rotateLeft(b, 16);
        a ^= c; a -= Integer.rotateLeft(c, 4);
        b ^= a; b -= Integer.rotateLeft(a, 14);
        c ^= b; c -= Integer.rotateLeft(b, 24);
        return c;
    }
}
