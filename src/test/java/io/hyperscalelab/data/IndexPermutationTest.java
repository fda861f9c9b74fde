package io.hyperscalelab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class IndexPermutationTest {

    @Test
    void isABijectionOnItsRangeForAwkwardSizes() {
        for (int size : new int[] {1, 2, 3, 91, 1_000, 264_308}) {
            IndexPermutation permutation = new IndexPermutation(size, 42);
            BitSet hit = new BitSet(size);
            for (int i = 0; i < size; i++) {
                long image = permutation.apply(i);
                assertThat(image).isBetween(0L, size - 1L);
                hit.set((int) image);
            }
            assertThat(hit.cardinality()).isEqualTo(size);
        }
    }

    @Test
    void differentKeysShuffleDifferently() {
        IndexPermutation one = new IndexPermutation(1_000_000, 1);
        IndexPermutation two = new IndexPermutation(1_000_000, 2);
        int same = 0;
        for (int i = 0; i < 1_000; i++) {
            if (one.apply(i) == two.apply(i)) {
                same++;
            }
        }
        assertThat(same).isLessThan(5);
    }
}
