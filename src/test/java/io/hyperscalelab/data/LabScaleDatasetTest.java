package io.hyperscalelab.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The lab-size files, generated once and read back the way COPY and the lab's queries would
 * read them, without a database: row counts, CSV and JSON validity, and the shapes of the lab's
 * answers (commits per hour, top repository creators, the 2022 quickstart's user 3861633).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabScaleDatasetTest {

    private static final long SEED = LabDataGenerator.DEFAULT_SEED;
    private static final Pattern TIMESTAMP = Pattern.compile("2016-12-01 0[5-8]:[0-5]\\d:[0-5]\\d");
    private static final Pattern GITHUB_LOGIN = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");

    private final ObjectMapper jackson = new ObjectMapper();

    private byte[] usersCsv;
    private byte[] eventsCsv;
    private List<List<String>> users;
    private EventFacts facts;

    @BeforeAll
    void generateAndRead() throws IOException {
        LabDataGenerator generator = new LabDataGenerator(SEED);
        long start = System.nanoTime();
        usersCsv = bytes(out -> generator.writeUsers(DatasetSize.LAB, out));
        long usersDone = System.nanoTime();
        eventsCsv = bytes(out -> generator.writeEvents(DatasetSize.LAB, out));
        long eventsDone = System.nanoTime();
        System.out.printf(Locale.ROOT, "Lab scale: users.csv %,d bytes in %d ms, events.csv %,d bytes in %d ms%n",
                usersCsv.length, (usersDone - start) / 1_000_000, eventsCsv.length, (eventsDone - usersDone) / 1_000_000);
        users = readAll(usersCsv);
        facts = new EventFacts();
        StrictCsv csv = reader(eventsCsv);
        for (List<String> row = csv.next(); row != null; row = csv.next()) {
            facts.add(row);
        }
    }

    @Test
    void theFilesHaveTheLabsRowCounts() {
        assertThat(users).hasSize(264_308);
        assertThat(facts.rows).isEqualTo(126_245);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() throws IOException {
        LabDataGenerator again = new LabDataGenerator(SEED);
        assertThat(sha256(out -> again.writeUsers(DatasetSize.LAB, out))).isEqualTo(sha256(usersCsv));
        assertThat(sha256(out -> again.writeEvents(DatasetSize.LAB, out))).isEqualTo(sha256(eventsCsv));

        LabDataGenerator other = new LabDataGenerator(SEED + 1);
        assertThat(sha256(out -> other.writeUsers(DatasetSize.LAB, out))).isNotEqualTo(sha256(usersCsv));
        assertThat(sha256(out -> other.writeEvents(DatasetSize.LAB, out))).isNotEqualTo(sha256(eventsCsv));
    }

    @Test
    void everyRowHasItsTablesColumns() {
        assertThat(users).allSatisfy(row -> assertThat(row).hasSize(6));
        assertThat(facts.wrongColumnCounts).isEmpty();
    }

    @Test
    void usersLookLikeGitHubAccounts() {
        Set<String> logins = new HashSet<>();
        long previousId = 0;
        for (List<String> row : users) {
            long id = Long.parseLong(row.get(0));
            String login = row.get(2);
            assertThat(id).isGreaterThan(previousId);
            previousId = id;
            assertThat(login).matches(GITHUB_LOGIN).hasSizeLessThanOrEqualTo(39);
            assertThat(logins.add(login.toLowerCase(Locale.ROOT))).as("login %s is unique", login).isTrue();
            assertThat(row.get(1)).isEqualTo("https://api.github.com/users/" + login);
            assertThat(row.get(3)).isEqualTo("https://avatars.githubusercontent.com/u/" + id + "?");
            assertThat(row.get(4)).as("gravatar_id is an empty string, not NULL").isEmpty();
            assertThat(row.get(5)).isEqualTo(login);
        }
        assertThat(previousId).as("ids spread like GitHub's in 2016").isBetween(20_000_000L, 30_000_000L);
        assertThat(logins).contains("sprocket-test-web");
    }

    @Test
    void everyJsonColumnParses() {
        assertThat(facts.jsonProblems).isEmpty();
        assertThat(facts.repoIdMismatches).isZero();
    }

    @Test
    void eventsHappenInTheLabsFourHoursInIdAndTimeOrder() {
        assertThat(facts.badTimestamps).isEmpty();
        assertThat(facts.outOfOrder).isZero();
        assertThat(facts.eventsPerHour.keySet()).containsExactly("05", "06", "07", "08");
        assertThat(facts.eventPublic).containsExactly("t");
    }

    @Test
    void everyEventsUserExists() {
        Set<Long> ids = new HashSet<>();
        for (List<String> row : users) {
            ids.add(Long.parseLong(row.get(0)));
        }
        // A plain loop: AssertJ's isSubsetOf searches lists, which takes minutes at this size.
        List<Long> unknown = facts.eventsPerUser.keySet().stream().filter(id -> !ids.contains(id)).toList();
        assertThat(unknown).isEmpty();
    }

    @Test
    void eventTypesComeInGitHubsProportions() {
        assertThat(share("PushEvent")).isBetween(0.45, 0.55);
        assertThat(share("CreateEvent")).isBetween(0.09, 0.16);
        assertThat(share("WatchEvent")).isBetween(0.07, 0.13);
        assertThat(share("IssueCommentEvent")).isBetween(0.05, 0.11);
        assertThat(share("PullRequestEvent")).isBetween(0.04, 0.10);
        assertThat(share("IssuesEvent")).isBetween(0.02, 0.06);
        assertThat(share("DeleteEvent")).isBetween(0.015, 0.05);
        assertThat(share("ForkEvent")).isBetween(0.015, 0.05);
        assertThat(share("ReleaseEvent")).isBetween(0.002, 0.01);
        assertThat(facts.types).hasSizeGreaterThanOrEqualTo(12);
        assertThat(facts.createRefTypes.get("repository") / (double) facts.types.get("CreateEvent")).isBetween(0.25, 0.40);
    }

    @Test
    void aMinorityOfEventsBelongToAnOrganisation() {
        double nullShare = 1.0 - facts.withOrg / (double) facts.rows;
        assertThat(nullShare).isBetween(0.70, 0.88);
    }

    @Test
    void aFewUsersAreVeryActiveAndMostBarely() {
        List<Integer> counts = new ArrayList<>(facts.eventsPerUser.values());
        counts.sort(Comparator.reverseOrder());
        int top = counts.get(0);
        int median = counts.get(counts.size() / 2);
        assertThat(top).isGreaterThanOrEqualTo(50 * median).isGreaterThan(500);
        assertThat(counts.size()).as("distinct actors").isBetween(30_000, 130_000);
    }

    /** The lab's answer: 60, 60, 55, 50, 40, 23, 14, 10, 9, ... down to 6 at the twentieth. */
    @Test
    void topRepositoryCreatorsHaveTheLabsShape() {
        List<Map.Entry<String, Integer>> top = new ArrayList<>(facts.repositoriesCreatedBy.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<Integer> counts = top.stream().limit(20).map(Map.Entry::getValue).toList();
        System.out.println("Top repository creators: " + top.subList(0, 20));
        assertThat(counts.get(0)).isBetween(40, 120);
        assertThat(counts.get(3)).as("a few users with tens of repositories").isGreaterThanOrEqualTo(30);
        assertThat(counts.get(6)).as("then a tail").isLessThan(30);
        assertThat(counts.get(19)).isBetween(3, 12);
    }

    /** The lab's answer: 22160, 53562, 46540, 35002; and 13051, 43480, 34254, 29307 on master. */
    @Test
    void commitsPerHourRampUpAtSixAndTailOff() {
        System.out.println("Commits per hour: " + facts.commitsPerHour + ", on master: " + facts.masterCommitsPerHour);
        long[] lab = {22_160, 53_562, 46_540, 35_002};
        long[] ours = facts.commitsPerHour.values().stream().mapToLong(Long::longValue).toArray();
        assertThat(ours).hasSize(4);
        for (int hour = 0; hour < 4; hour++) {
            assertThat((double) ours[hour]).isBetween(lab[hour] * 0.75, lab[hour] * 1.25);
        }
        assertThat(ours[1]).isGreaterThan(ours[2]);
        assertThat(ours[2]).isGreaterThan(ours[3]);
        assertThat(ours[3]).isGreaterThan(ours[0]);
        long[] master = facts.masterCommitsPerHour.values().stream().mapToLong(Long::longValue).toArray();
        assertThat((double) master[0] / ours[0]).as("fewer master pushes at 05:00").isLessThan((double) master[1] / ours[1]);
    }

    @Test
    void theQuickstartsFeaturedUserHasItsFiveEvents() {
        assertThat(facts.featuredUserEvents).containsExactly(
                "2016-12-01 06:28:44 PushEvent",
                "2016-12-01 06:29:27 CreateEvent",
                "2016-12-01 06:36:47 ReleaseEvent",
                "2016-12-01 06:42:35 WatchEvent",
                "2016-12-01 07:45:58 IssuesEvent");
        assertThat(facts.featuredUserRepositories).hasSize(1);
    }

    private double share(String type) {
        return facts.types.getOrDefault(type, 0) / (double) facts.rows;
    }

    /** Everything the tests ask of the events, gathered in one pass over 126,245 rows. */
    private final class EventFacts {
        long rows;
        final List<String> wrongColumnCounts = new ArrayList<>();
        final List<String> jsonProblems = new ArrayList<>();
        final List<String> badTimestamps = new ArrayList<>();
        final Set<String> eventPublic = new HashSet<>();
        final Map<String, Integer> types = new HashMap<>();
        final Map<String, Integer> createRefTypes = new HashMap<>();
        final Map<Long, Integer> eventsPerUser = new HashMap<>();
        final Map<String, Integer> repositoriesCreatedBy = new HashMap<>();
        final Map<String, Long> eventsPerHour = new TreeMap<>();
        final Map<String, Long> commitsPerHour = new TreeMap<>();
        final Map<String, Long> masterCommitsPerHour = new TreeMap<>();
        final List<String> featuredUserEvents = new ArrayList<>();
        final Set<String> featuredUserRepositories = new HashSet<>();
        final Map<Long, String> loginById = new HashMap<>();
        long withOrg;
        long outOfOrder;
        long repoIdMismatches;
        private long previousId;
        private String previousTime = "";

        EventFacts() {
            for (List<String> user : users) {
                loginById.put(Long.parseLong(user.get(0)), user.get(2));
            }
        }

        void add(List<String> row) {
            rows++;
            if (row.size() != 9) {
                wrongColumnCounts.add(rows + ": " + row.size());
                return;
            }
            long eventId = Long.parseLong(row.get(0));
            String type = row.get(1);
            String time = row.get(8);
            long userId = Long.parseLong(row.get(6));
            if (eventId <= previousId || time.compareTo(previousTime) < 0) {
                outOfOrder++;
            }
            previousId = eventId;
            previousTime = time;
            if (!TIMESTAMP.matcher(time).matches()) {
                badTimestamps.add(time);
            }
            eventPublic.add(row.get(2));
            types.merge(type, 1, Integer::sum);
            eventsPerUser.merge(userId, 1, Integer::sum);
            eventsPerHour.merge(time.substring(11, 13), 1L, Long::sum);

            JsonNode payload = json(row.get(4), "payload");
            JsonNode repo = json(row.get(5), "repo");
            if (row.get(7) != null) {
                withOrg++;
                JsonNode org = json(row.get(7), "org");
                if (org != null && !(org.has("id") && org.has("login") && org.has("url") && org.has("avatar_url"))) {
                    jsonProblems.add("org without its fields: " + row.get(7));
                }
            }
            if (payload == null || repo == null) {
                return;
            }
            if (!payload.isObject() || !repo.path("name").asText().contains("/")
                    || !repo.path("url").asText().equals("https://api.github.com/repos/" + repo.path("name").asText())) {
                jsonProblems.add("unexpected shape: " + row.get(4) + " " + row.get(5));
            }
            if (repo.path("id").asLong() != Long.parseLong(row.get(3))) {
                repoIdMismatches++;
            }
            if (type.equals("PushEvent")) {
                String hour = time.substring(11, 13);
                long distinct = payload.get("distinct_size").asLong();
                commitsPerHour.merge(hour, distinct, Long::sum);
                if (payload.get("ref").asText().equals("refs/heads/master")) {
                    masterCommitsPerHour.merge(hour, distinct, Long::sum);
                }
                if (payload.get("commits").size() != Math.min(20, payload.get("size").asInt())
                        || payload.get("distinct_size").asInt() > payload.get("size").asInt()) {
                    jsonProblems.add("push with inconsistent sizes: " + row.get(4));
                }
            }
            if (type.equals("CreateEvent")) {
                String refType = payload.get("ref_type").asText();
                createRefTypes.merge(refType, 1, Integer::sum);
                if (refType.equals("repository")) {
                    repositoriesCreatedBy.merge(loginById.get(userId), 1, Integer::sum);
                }
            }
            if (userId == UserDirectory.FEATURED_USER_ID) {
                featuredUserEvents.add(time + " " + type);
                featuredUserRepositories.add(repo.path("name").asText());
            }
        }

        private JsonNode json(String text, String column) {
            try {
                return jackson.readTree(text);
            } catch (IOException | RuntimeException e) {
                jsonProblems.add(column + " does not parse: " + text + " (" + e.getMessage() + ")");
                return null;
            }
        }
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static byte[] bytes(Content content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 24);
        content.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] sha256(Content content) throws IOException {
        MessageDigest digest = sha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            content.writeTo(out);
        }
        return digest.digest();
    }

    private static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StrictCsv reader(byte[] csv) {
        return new StrictCsv(new BufferedReader(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8), 1 << 16));
    }

    private static List<List<String>> readAll(byte[] csv) {
        List<List<String>> rows = new ArrayList<>();
        StrictCsv reader = reader(csv);
        for (List<String> row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }
}
