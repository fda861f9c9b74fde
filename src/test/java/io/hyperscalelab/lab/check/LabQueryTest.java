package io.hyperscalelab.lab.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which statements count as the lab's queries: the guide's text, however it was typed. */
class LabQueryTest {

    @Test
    void spacingCaseAndTheSemicolonDoNotMatter() {
        assertThat(LabQuery.COUNT.matches("SELECT count(*) FROM github_events;")).isTrue();
        assertThat(LabQuery.COUNT.matches("select COUNT( * )\n  from   github_events")).isTrue();
        assertThat(LabQuery.COMMITS_PER_HOUR.matches(LabQuery.COMMITS_PER_HOUR.sql().replaceAll("\\s+", " "))).isTrue();
        assertThat(LabQuery.TOP_CREATORS.matches(LabQuery.TOP_CREATORS.sql().replace("SELECT", "select").replace("LIMIT 20", "limit 10")))
                .isTrue();
    }

    @Test
    void theOneUserLookupMayNameAnyUser() {
        assertThat(LabQuery.ONE_USER.matches("SELECT created_at, event_type, repo->>'name' AS repo_name FROM github_events "
                + "WHERE user_id = 42;")).isTrue();
    }

    @Test
    void anotherQueryOrOtherQuotedTextIsNotTheLabsQuery() {
        assertThat(LabQuery.COUNT.matches("SELECT count(*) FROM github_users;")).isFalse();
        assertThat(LabQuery.COUNT.matches("EXPLAIN SELECT count(*) FROM github_events;")).isFalse();
        assertThat(LabQuery.COMMITS_PER_HOUR.matches(LabQuery.COMMITS_PER_HOUR.sql().replace("'PushEvent'", "'pushevent'")))
                .isFalse();
        assertThat(LabQuery.COMMITS_PER_HOUR.matches(LabQuery.COMMITS_PER_HOUR.sql().replace("'hour'", "'minute'"))).isFalse();
    }

    @Test
    void theShapeKeepsWordsApartAndQuotesWhole() {
        assertThat(LabQuery.shape("SELECT  a ,b FROM t WHERE x = 'A  B' LIMIT 20 ;;")).isEqualTo("select a,b from t where x='A  B'limit 0");
        assertThat(LabQuery.shape("select s1 from t1")).isEqualTo("select s1 from t1");
    }
}
