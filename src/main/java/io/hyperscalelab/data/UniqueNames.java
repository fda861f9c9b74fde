package io.hyperscalelab.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Distinct, GitHub-login-like names for entity numbers 0..count-1, computed one at a time in
 * O(1) and without remembering the names already given out.
 *
 * <p>Entity k is shuffled, then dealt to a style by a fixed deck of weighted slots, which numbers
 * the entities of each style 0, 1, 2, ... without gaps. Those numbers walk a shuffled order of
 * the style's names; when a style runs out, the next round reuses its names with a number from
 * a set that round 0's decorative numbers never use ("alexchen", "alexchen2", ...). Names are
 * therefore unique as long as no two styles can render the same text (a test checks every name
 * of every style) and texts contain no digits.
 */
final class UniqueNames {

    /** Round 0 sometimes appends one of these, like people do; later rounds use the other numbers. */
    private static final int[][] DECORATIVE_RANGES = {{10, 99}, {1970, 2009}};

    private final List<NameStyle> styles;
    private final int[] slotStyle;
    private final int[] slotRank;
    private final int[] styleWeight;
    private final IndexPermutation shuffle;
    private final List<IndexPermutation> styleOrders;
    private final long seed;
    private final double decorationShare;
    private final double capitalisedShare;

    /**
     * @param weights how many slots of the deck each style gets; same order as styles
     * @param decorationShare the share of round-0 names that get a decorative number
     * @param capitalisedShare the share of names whose words start with a capital letter
     */
    UniqueNames(List<NameStyle> styles, List<Integer> weights, long count, long seed,
                double decorationShare, double capitalisedShare) {
        this.styles = List.copyOf(styles);
        this.seed = seed;
        this.decorationShare = decorationShare;
        this.capitalisedShare = capitalisedShare;
        this.styleWeight = weights.stream().mapToInt(Integer::intValue).toArray();
        List<Integer> deck = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        for (int s = 0; s < styleWeight.length; s++) {
            for (int r = 0; r < styleWeight[s]; r++) {
                deck.add(s);
                ranks.add(r);
            }
        }
        this.slotStyle = deck.stream().mapToInt(Integer::intValue).toArray();
        this.slotRank = ranks.stream().mapToInt(Integer::intValue).toArray();
        this.shuffle = new IndexPermutation(Math.max(1, count), Mix.hash(seed, 1, 0));
        List<IndexPermutation> orders = new ArrayList<>();
        for (int s = 0; s < this.styles.size(); s++) {
            orders.add(new IndexPermutation(this.styles.get(s).size(), Mix.hash(seed, 2, s)));
        }
        this.styleOrders = List.copyOf(orders);
    }

    String name(long entity) {
        long shuffled = shuffle.apply(entity);
        int slot = (int) (shuffled % slotStyle.length);
        int style = slotStyle[slot];
        long local = (shuffled / slotStyle.length) * styleWeight[style] + slotRank[slot];
        NameStyle nameStyle = styles.get(style);
        long round = local / nameStyle.size();
        long base = styleOrders.get(style).apply(local % nameStyle.size());

        StringBuilder name = new StringBuilder(24);
        nameStyle.render(base, name);
        long decoration = Mix.hash(seed, 3, entity);
        if (Mix.unit(decoration) < capitalisedShare) {
            capitalise(name);
        }
        if (round > 0) {
            name.append(roundNumber(round));
        } else if (Mix.unit(Mix.mix(decoration)) < decorationShare) {
            name.append(decorativeNumber(Mix.mix(decoration + 1)));
        }
        return name.toString();
    }

    /** Capital letters change nothing for uniqueness: GitHub compares logins case-insensitively. */
    private static void capitalise(StringBuilder name) {
        for (int i = 0; i < name.length(); i++) {
            if (i == 0 || name.charAt(i - 1) == '-') {
                name.setCharAt(i, Character.toUpperCase(name.charAt(i)));
            }
        }
    }

    private static int decorativeNumber(long hash) {
        int total = 0;
        for (int[] range : DECORATIVE_RANGES) {
            total += range[1] - range[0] + 1;
        }
        int pick = Mix.below(hash, total);
        for (int[] range : DECORATIVE_RANGES) {
            int width = range[1] - range[0] + 1;
            if (pick < width) {
                return range[0] + pick;
            }
            pick -= width;
        }
        throw new IllegalStateException("unreachable");
    }

    /** The round-th positive number that is not decorative: 1..9, 100..1969, 2010, ... */
    static long roundNumber(long round) {
        long n = round;
        for (int[] range : DECORATIVE_RANGES) {
            if (n >= range[0]) {
                n += range[1] - range[0] + 1;
            }
        }
        return n;
    }
}
