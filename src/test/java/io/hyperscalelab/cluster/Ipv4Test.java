package io.hyperscalelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ranges as CIDR blocks: pg_hba.conf knows no ranges, so a rule's range must become exactly its blocks. */
class Ipv4Test {

    @Test
    void knownRangesBecomeTheFewestBlocks() {
        assertThat(blocks("10.0.0.1", "10.0.0.6")).containsExactly("10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32");
        assertThat(blocks("127.0.0.5", "127.0.0.5")).containsExactly("127.0.0.5/32");
        assertThat(blocks("192.168.0.0", "192.168.255.255")).containsExactly("192.168.0.0/16");
        assertThat(blocks("0.0.0.0", "255.255.255.255")).containsExactly("0.0.0.0/0");
        assertThat(blocks("0.0.0.1", "255.255.255.255")).hasSize(32).startsWith("0.0.0.1/32").endsWith("128.0.0.0/1");
        assertThat(blocks("255.255.255.255", "255.255.255.255")).containsExactly("255.255.255.255/32");
    }

    /** The blocks cover every address of the range and no other: checked address by address. */
    @Test
    void blocksCoverExactlyTheRange() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            long base = (long) random.nextInt(1 << 19) << 13;   // below 2^32 - 8192, so the range fits
            long start = base + random.nextInt(2048);
            long end = start + random.nextInt(2048);
            List<String> blocks = Ipv4.cidrBlocks(start, end);
            long[][] networks = blocks.stream().map(Ipv4Test::networkAndMask).toArray(long[][]::new);
            for (long address = base; address < base + 6144; address++) {
                boolean inRange = start <= address && address <= end;
                if (covered(networks, address) != inRange) {
                    throw new AssertionError(Ipv4.format(address) + (inRange ? " is not covered by " : " is wrongly covered by ")
                            + blocks + " for the range " + Ipv4.format(start) + "-" + Ipv4.format(end));
                }
            }
        }
    }

    @Test
    void onlyDottedQuadsWithinRangeAreAddresses() {
        assertThat(Ipv4.problem("127.0.0.1")).isEmpty();
        assertThat(Ipv4.problem("0.0.0.0")).isEmpty();
        for (String bad : List.of("", "1.2.3", "1.2.3.4.5", "1.2.3.256", "01.2.3.4", "1.2.3.-4", " 1.2.3.4", "::1", "a.b.c.d")) {
            assertThat(Ipv4.problem(bad)).as(bad).isPresent();
        }
        assertThat(Ipv4.format(Ipv4.parse("203.0.113.77"))).isEqualTo("203.0.113.77");
        assertThat(Ipv4.isLoopback("127.255.0.1")).isTrue();
        assertThat(Ipv4.isLoopback("128.0.0.1")).isFalse();
    }

    private static List<String> blocks(String start, String end) {
        return Ipv4.cidrBlocks(Ipv4.parse(start), Ipv4.parse(end));
    }

    private static long[] networkAndMask(String block) {
        String[] parts = block.split("/");
        int prefix = Integer.parseInt(parts[1]);
        return new long[] {Ipv4.parse(parts[0]), prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL};
    }

    private static boolean covered(long[][] networks, long address) {
        for (long[] network : networks) {
            if ((address & network[1]) == network[0]) {
                return true;
            }
        }
        return false;
    }
}
