package io.hyperscalelab.data;

/**
 * A keyed bijection on [0, size): a four-round Feistel network on the smallest even-bit power of
 * two that covers size, with cycle walking back into range. It lets the generator say "the
 * busiest user", "the second repository id" and so on without storing a shuffled array, which
 * at a million events would be millions of entries.
 */
final class IndexPermutation {

    private final long size;
    private final long key;
    private final int halfBits;
    private final long halfMask;

    IndexPermutation(long size, long key) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive: " + size);
        }
        this.size = size;
        this.key = key;
        int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(size - 1));
        this.halfBits = (bits + 1) / 2;
        this.halfMask = (1L << halfBits) - 1;
    }

    long size() {
        return size;
    }

    long apply(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " is outside [0, " + size + ")");
        }
        long x = index;
        do {
            x = encrypt(x);
        } while (x >= size);
        return x;
    }

    private long encrypt(long x) {
        long left = x >>> halfBits;
        long right = x & halfMask;
        for (int round = 0; round < 4; round++) {
            long next = left ^ (Mix.hash(key, round, right) & halfMask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }
}
