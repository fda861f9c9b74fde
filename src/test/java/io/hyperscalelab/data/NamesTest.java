package io.hyperscalelab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Logins are unique by construction only if no two styles can spell the same text; this checks
 * every name every style can make, users' and organisations' together, against each other.
 */
class NamesTest {

    private static final Pattern NO_DIGITS_LOGIN = Pattern.compile("[a-z]+(-[a-z]+)?");

    @Test
    void noTwoStylesOrCombinationsSpellTheSameName() {
        List<NameStyle> styles = new ArrayList<>(UserDirectory.loginStyles());
        styles.addAll(Organisations.styles());
        Map<String, String> seen = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (int s = 0; s < styles.size(); s++) {
            NameStyle style = styles.get(s);
            for (long i = 0; i < style.size(); i++) {
                StringBuilder name = new StringBuilder();
                style.render(i, name);
                String text = name.toString();
                if (!NO_DIGITS_LOGIN.matcher(text).matches()) {
                    clashes.add(text + " is not a lowercase login without digits");
                }
                String earlier = seen.put(text, s + "/" + i);
                if (earlier != null) {
                    clashes.add(text + " from " + earlier + " and " + s + "/" + i);
                }
            }
        }
        assertThat(clashes).isEmpty();
        for (BotAccount bot : BotAccount.CAST) {
            assertThat(seen).doesNotContainKey(bot.login());
            assertThat(bot.login().chars().filter(c -> c == '-').count()).as("bots have two or more hyphens").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void namesStayUniqueWhenTheStylesRunOutAndRoundsBegin() {
        int count = 600_000;
        UniqueNames names = new UniqueNames(List.of(NameStyle.of("", Words.ADJECTIVES, Words.NOUNS)), List.of(1), count, 5, 0.3, 0.1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            assertThat(seen.add(names.name(i).toLowerCase(Locale.ROOT))).isTrue();
        }
    }

    @Test
    void roundNumbersSkipTheDecorativeOnes() {
        assertThat(UniqueNames.roundNumber(1)).isEqualTo(1);
        assertThat(UniqueNames.roundNumber(9)).isEqualTo(9);
        assertThat(UniqueNames.roundNumber(10)).isEqualTo(100);
        assertThat(UniqueNames.roundNumber(1879)).isEqualTo(1969);
        assertThat(UniqueNames.roundNumber(1880)).isEqualTo(2010);
    }

    @Test
    void oneOwnersRepositoriesNeverShareAName() {
        for (long owner = 0; owner < 2_000; owner++) {
            Set<String> names = new HashSet<>();
            for (int number = 0; number < Repositories.PER_ORGANISATION; number++) {
                assertThat(names.add(Repositories.name(Mix.hash(1, 2, owner), number))).isTrue();
            }
        }
    }
}
