package io.hyperscalelab.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The github_users rows, by index 0..count-1 in ascending user_id: each user's id and login are
 * computed on demand, so the events can name any user without a table of users in memory.
 *
 * <p>Ids are spread like GitHub's in 2016 (up to about 24 million at the lab's size): index k
 * gets an id in the k-th block of {@value #ID_BLOCK} numbers. The last number of every block is
 * left for organisations, so an organisation never shares an id with a user.
 */
final class UserDirectory {

    static final int ID_BLOCK = 91;

    /** The user whose five events the 2022 quickstart looks up with {@code WHERE user_id = 3861633}. */
    static final long FEATURED_USER_ID = 3_861_633L;

    private static final int FEATURED_INDEX = (int) ((FEATURED_USER_ID - 1) / ID_BLOCK);

    private final long seed;
    private final int count;
    private final UniqueNames logins;
    private final int[] botIndexes;

    UserDirectory(long seed, int count) {
        this.seed = seed;
        this.count = count;
        this.logins = new UniqueNames(loginStyles(), List.of(5, 2, 5, 2, 5, 1), count, Mix.hash(seed, 10, 0), 0.22, 0.08);
        this.botIndexes = placeBots();
    }

    int count() {
        return count;
    }

    long id(int index) {
        long blockStart = 1 + (long) index * ID_BLOCK;
        if (index == FEATURED_INDEX) {
            return FEATURED_USER_ID;
        }
        return blockStart + Mix.below(Mix.hash(seed, 11, index), ID_BLOCK - 1);
    }

    String login(int index) {
        for (int b = 0; b < botIndexes.length; b++) {
            if (botIndexes[b] == index) {
                return BotAccount.CAST.get(b).login();
            }
        }
        return logins.name(index);
    }

    /** The featured user's index, or -1 when the file is too small to reach its id. */
    int featuredIndex() {
        return FEATURED_INDEX < count ? FEATURED_INDEX : -1;
    }

    int botIndex(int castPosition) {
        return botIndexes[castPosition];
    }

    /** Users whose events are scripted, so that ordinary traffic must not pick them. */
    boolean isScripted(int index) {
        return index == featuredIndex() || isBot(index);
    }

    boolean isBot(int index) {
        return contains(botIndexes, botIndexes.length, index);
    }

    /** The organisation id in block {@code block}: its last number, which users never get. */
    static long organisationId(long block) {
        return (block + 1) * ID_BLOCK;
    }

    /** Bots signed up recently, so they sit among the highest ids. */
    private int[] placeBots() {
        int[] indexes = new int[BotAccount.CAST.size()];
        for (int b = 0; b < indexes.length; b++) {
            int candidate = (int) (count * (0.90 + 0.015 * b)) + Mix.below(Mix.hash(seed, 12, b), Math.max(1, count / 200));
            while (candidate == FEATURED_INDEX || contains(indexes, b, candidate)) {
                candidate = (candidate + 1) % count;
            }
            indexes[b] = candidate;
        }
        return indexes;
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** Weighted in the constructor 5:2:5:2:5:1, roughly the mix of login kinds on GitHub then. */
    static List<NameStyle> loginStyles() {
        List<NameStyle> styles = new ArrayList<>();
        styles.add(NameStyle.of("", Words.FIRST_NAMES, Words.LAST_NAMES));
        styles.add(NameStyle.of("-", Words.FIRST_NAMES, Words.LAST_NAMES));
        styles.add(NameStyle.of("", initials(), Words.LAST_NAMES));
        styles.add(NameStyle.of("", Words.ADJECTIVES, Words.NOUNS));
        styles.add(NameStyle.of("", Words.PINYIN_SURNAMES, Words.PINYIN_SYLLABLES, Words.PINYIN_SYLLABLES));
        styles.add(NameStyle.of("", Words.PINYIN_SURNAMES, Words.PINYIN_SYLLABLES));
        return styles;
    }

    /** "a" to "z" and "aa" to "zz": one or two initials before a surname, as in "jmiller". */
    private static List<String> initials() {
        List<String> initials = new ArrayList<>();
        for (char a = 'a'; a <= 'z'; a++) {
            initials.add(String.valueOf(a));
        }
        for (char a = 'a'; a <= 'z'; a++) {
            for (char b = 'a'; b <= 'z'; b++) {
                initials.add(String.valueOf(a) + b);
            }
        }
        return List.copyOf(initials);
    }
}
