package io.hyperscalelab.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** IPv4 addresses in dotted-quad form, as the firewall's rules hold them, and ranges as CIDR blocks. */
final class Ipv4 {

    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    private Ipv4() {
    }

    /** Why {@code candidate} is not an IPv4 address in dotted-quad form, or empty when it is. */
    static Optional<String> problem(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return Optional.of("The IP address must not be empty.");
        }
        if (!DOTTED_QUAD.matcher(candidate).matches()) {
            return Optional.of("'" + candidate + "' is not a valid IPv4 address: use four numbers from 0 to 255, separated by dots.");
        }
        for (String part : candidate.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return Optional.of("'" + candidate + "' is not a valid IPv4 address: " + part + " is greater than 255.");
            }
        }
        return Optional.empty();
    }

    /** The address as an unsigned 32-bit number; the address must be valid. */
    static long parse(String address) {
        problem(address).ifPresent(message -> {
            throw new ClusterException(message);
        });
        long value = 0;
        for (String part : address.split("\\.")) {
            value = value << 8 | Integer.parseInt(part);
        }
        return value;
    }

    static String format(long value) {
        return (value >>> 24 & 255) + "." + (value >>> 16 & 255) + "." + (value >>> 8 & 255) + "." + (value & 255);
    }

    /**
     * The fewest CIDR blocks that cover exactly {@code start..end} (inclusive), e.g. 10.0.0.1 to
     * 10.0.0.6 is 10.0.0.1/32, 10.0.0.2/31, 10.0.0.4/31, 10.0.0.6/32: pg_hba.conf knows no ranges.
     */
    static List<String> cidrBlocks(long start, long end) {
        if (start > end) {
            throw new IllegalArgumentException("range " + format(start) + "-" + format(end) + " runs backwards");
        }
        List<String> blocks = new ArrayList<>();
        long next = start;
        while (next <= end) {
            // the largest block that starts at next (aligned) and does not pass end
            int size = next == 0 ? 32 : Long.numberOfTrailingZeros(next);
            size = Math.min(size, 32);
            while ((1L << size) - 1 > end - next) {
                size--;
            }
            blocks.add(format(next) + "/" + (32 - size));
            next += 1L << size;
        }
        return blocks;
    }

    /** Whether the address lies in 127.0.0.0/8, which this machine answers on every address of. */
    static boolean isLoopback(String address) {
        return problem(address).isEmpty() && parse(address) >>> 24 == 127;
    }
}
