package io.hyperscalelab.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The payload JSON of each event type, in the shape GitHub's Events API gave in 2016, trimmed
 * to the fields people query. PushEvent and CreateEvent carry exactly the keys the lab's
 * queries use ({@code distinct_size}, {@code ref}, {@code ref_type}).
 */
final class Payloads {

    private static final String MASTER = "refs/heads/master";

    /**
     * The share of pushes to master in each hour, read off the quickstart's two answers (all
     * pushes, and only {@code refs/heads/master}): fewer at 05:00, about four in five later.
     */
    private static final double[] MASTER_SHARE_BY_HOUR = {0.59, 0.81, 0.74, 0.84};

    /** GitHub's API lists at most 20 commits of a push; {@code size} still counts them all. */
    private static final int LISTED_COMMITS = 20;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final List<String> SOURCE_PATHS = List.of(
            "README.md", "src/main.js", "src/index.js", "lib/parser.rb", "app/models/user.rb", "main.go",
            "src/main/java/App.java", "setup.py", "package.json", "docs/index.md", "tests/test_api.py");

    private static final List<String> WIKI_PAGES = List.of(
            "Home", "Installation", "Getting-Started", "FAQ", "Configuration", "API-Reference", "Roadmap");

    private final long seed;
    private final UserDirectory users;
    private final Activity activity;

    // Ids of things created during the window; they rise like GitHub's.
    private long pushId = 1_442_000_000L;
    private long issueId = 192_500_000L;
    private long commentId = 264_300_000L;
    private long pullRequestId = 95_400_000L;
    private long reviewCommentId = 90_600_000L;
    private long releaseId = 4_790_000L;

    Payloads(long seed, UserDirectory users, Activity activity) {
        this.seed = seed;
        this.users = users;
        this.activity = activity;
    }

    void write(EventDraft event, SplittableRandom random, JsonBuilder json) {
        json.reset().beginObject();
        switch (event.type()) {
            case PUSH -> push(event, random, json);
            case CREATE -> create(event, random, json);
            case DELETE -> delete(random, json);
            case WATCH -> json.field("action", "started");
            case FORK -> fork(event, json);
            case ISSUES -> issues(event, random, json);
            case ISSUE_COMMENT -> issueComment(event, random, json);
            case PULL_REQUEST -> pullRequest(event, random, json);
            case PULL_REQUEST_REVIEW_COMMENT -> reviewComment(event, random, json);
            case RELEASE -> release(event, random, json);
            case GOLLUM -> gollum(random, json);
            case MEMBER -> member(random, json);
            case COMMIT_COMMENT -> commitComment(event, random, json);
            case PUBLIC -> {
                // GitHub sends an empty payload when a repository goes public.
            }
        }
        json.endObject();
    }

    private void push(EventDraft event, SplittableRandom random, JsonBuilder json) {
        int size = event.pushSize() > 0 ? event.pushSize() : pushSize(random);
        int distinct = distinctSize(size, random);
        boolean master = random.nextDouble() < MASTER_SHARE_BY_HOUR[LabTime.hourIndex(event.second())];
        String ref = master ? MASTER : "refs/heads/" + pick(Words.BRANCHES, random);
        int listed = Math.min(size, LISTED_COMMITS);
        long shaSeed = random.nextLong();

        json.field("push_id", pushId += 1 + random.nextInt(3))
                .field("size", size)
                .field("distinct_size", distinct)
                .field("ref", ref);
        appendSha(json.beginString("head"), shaSeed, listed - 1);
        json.endString();
        appendSha(json.beginString("before"), shaSeed, -1);
        json.endString();
        json.beginArray("commits");
        Author author = author(event.actor());
        for (int c = 0; c < listed; c++) {
            json.beginObject();
            appendSha(json.beginString("sha"), shaSeed, c);
            json.endString();
            json.beginObject("author").field("email", author.email()).field("name", author.name()).endObject();
            String message = size == 1 && random.nextInt(8) == 0 ? "Initial commit" : pick(Words.COMMIT_MESSAGES, random);
            json.field("message", message);
            // The newest distinct_size commits are new to the repository; older ones were pushed before.
            json.field("distinct", c >= listed - distinct);
            appendRepoUrl(json.beginString("url"), event.repo()).append("/commits/");
            appendSha(json.raw(), shaSeed, c);
            json.endString();
            json.endObject();
        }
        json.endArray();
    }

    /**
     * Mostly one or two commits, sometimes a merge of dozens or a vendor dump of hundreds; the
     * mean, about 2.6, matches the lab's 157,264 commits over about 63,000 pushes.
     */
    static int pushSize(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.62) {
            return 1;
        }
        if (u < 0.78) {
            return 2;
        }
        if (u < 0.86) {
            return 3;
        }
        if (u < 0.90) {
            return 4;
        }
        if (u < 0.93) {
            return 5;
        }
        if (u < 0.995) {
            return 6 + random.nextInt(10);
        }
        return (int) Math.round(21 * Math.pow(400.0 / 21, random.nextDouble()));
    }

    /** Pushes of commits already on another branch (merges, rebases) have fewer distinct ones. */
    private static int distinctSize(int size, SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.85) {
            return size;
        }
        if (u < 0.93) {
            return 0;
        }
        return 1 + random.nextInt(size);
    }

    private void create(EventDraft event, SplittableRandom random, JsonBuilder json) {
        RefType refType = event.refType();
        String ref = switch (refType) {
            case REPOSITORY -> null;
            case BRANCH -> pick(Words.BRANCHES, random);
            case TAG -> event.tag() != null ? event.tag() : tag(random);
        };
        json.field("ref", ref)
                .field("ref_type", refType.json())
                .field("master_branch", "master")
                .field("description", random.nextInt(10) < 6 ? description(event.repo()) : null)
                .field("pusher_type", "user");
    }

    private static void delete(SplittableRandom random, JsonBuilder json) {
        boolean tag = random.nextInt(10) == 0;
        json.field("ref", tag ? tag(random) : pick(Words.BRANCHES, random))
                .field("ref_type", tag ? "tag" : "branch")
                .field("pusher_type", "user");
    }

    private static void fork(EventDraft event, JsonBuilder json) {
        Repository forkee = event.forkee();
        json.beginObject("forkee")
                .field("id", forkee.id())
                .field("name", forkee.name())
                .field("full_name", forkee.fullName());
        user(json, "owner", event.actor());
        json.field("private", false);
        json.beginString("html_url").raw().append("https://github.com/").append(forkee.fullName());
        json.endString()
                .field("description", description(event.repo()))
                .field("fork", true);
        LabTime.appendIso(event.second(), json.beginString("created_at").raw());
        json.endString()
                .field("public", true)
                .endObject();
    }

    private void issues(EventDraft event, SplittableRandom random, JsonBuilder json) {
        String action = random.nextInt(10) < 6 ? "opened" : random.nextInt(10) < 9 ? "closed" : "reopened";
        json.field("action", action);
        json.beginObject("issue");
        issueFields(event, random, json, issueId += 1 + random.nextInt(3), !"closed".equals(action));
        json.field("comments", "opened".equals(action) ? 0 : random.nextInt(12));
        LabTime.appendIso(event.second(), json.beginString("created_at").raw());
        json.endString();
        json.field("body", pick(Words.COMMENT_BODIES, random));
        json.endObject();
    }

    private void issueComment(EventDraft event, SplittableRandom random, JsonBuilder json) {
        json.field("action", "created");
        json.beginObject("issue");
        issueFields(event, random, json, 150_000_000L + random.nextInt(42_000_000), random.nextInt(5) > 0);
        json.field("comments", 1 + random.nextInt(20));
        json.endObject();
        json.beginObject("comment").field("id", commentId += 1 + random.nextInt(4));
        user(json, "user", event.actor());
        LabTime.appendIso(event.second(), json.beginString("created_at").raw());
        json.endString();
        json.field("body", pick(Words.COMMENT_BODIES, random)).endObject();
    }

    private void issueFields(EventDraft event, SplittableRandom random, JsonBuilder json, long id, boolean open) {
        int number = issueNumber(random);
        appendRepoUrl(json.beginString("url"), event.repo()).append("/issues/").append(number);
        json.endString()
                .field("id", id)
                .field("number", number)
                .field("title", pick(Words.ISSUE_TITLES, random));
        user(json, "user", event.actor());
        json.field("state", open ? "open" : "closed");
    }

    private void pullRequest(EventDraft event, SplittableRandom random, JsonBuilder json) {
        String action = random.nextInt(2) == 0 ? "opened" : random.nextInt(20) > 0 ? "closed" : "reopened";
        int number = issueNumber(random);
        boolean merged = "closed".equals(action) && random.nextInt(10) < 7;
        json.field("action", action).field("number", number);
        json.beginObject("pull_request");
        appendRepoUrl(json.beginString("url"), event.repo()).append("/pulls/").append(number);
        json.endString()
                .field("id", pullRequestId += 1 + random.nextInt(3))
                .field("number", number)
                .field("state", "closed".equals(action) ? "closed" : "open")
                .field("title", pick(Words.COMMIT_MESSAGES, random));
        user(json, "user", event.actor());
        json.field("body", random.nextInt(3) == 0 ? null : pick(Words.COMMENT_BODIES, random));
        LabTime.appendIso(event.second(), json.beginString("created_at").raw());
        json.endString()
                .field("merged", merged)
                .field("commits", 1 + random.nextInt(6))
                .field("additions", random.nextInt(400))
                .field("deletions", random.nextInt(150))
                .field("changed_files", 1 + random.nextInt(12))
                .endObject();
    }

    private void reviewComment(EventDraft event, SplittableRandom random, JsonBuilder json) {
        json.field("action", "created");
        json.beginObject("comment")
                .field("id", reviewCommentId += 1 + random.nextInt(3))
                .field("path", pick(SOURCE_PATHS, random))
                .field("position", 1 + random.nextInt(80))
                .field("body", pick(Words.COMMENT_BODIES, random));
        user(json, "user", event.actor());
        json.endObject();
        json.beginObject("pull_request")
                .field("id", 95_000_000L + random.nextInt(400_000))
                .field("number", issueNumber(random))
                .field("title", pick(Words.COMMIT_MESSAGES, random))
                .field("state", "open")
                .endObject();
    }

    private void release(EventDraft event, SplittableRandom random, JsonBuilder json) {
        String tag = event.tag() != null ? event.tag() : tag(random);
        json.field("action", "published");
        json.beginObject("release")
                .field("id", releaseId += 1 + random.nextInt(3))
                .field("tag_name", tag)
                .field("name", random.nextInt(3) == 0 ? tag : "Release " + tag)
                .field("draft", false)
                .field("prerelease", random.nextInt(10) == 0)
                .field("body", random.nextInt(2) == 0 ? "" : "Bug fixes and improvements.\n\n* " + pick(Words.COMMIT_MESSAGES, random));
        LabTime.appendIso(event.second(), json.beginString("created_at").raw());
        json.endString().endObject();
    }

    private static void gollum(SplittableRandom random, JsonBuilder json) {
        String page = pick(WIKI_PAGES, random);
        json.beginArray("pages").beginObject()
                .field("page_name", page)
                .field("title", page.replace('-', ' '))
                .field("action", random.nextInt(5) == 0 ? "created" : "edited");
        appendSha(json.beginString("sha"), random.nextLong(), 0);
        json.endString().endObject().endArray();
    }

    private void member(SplittableRandom random, JsonBuilder json) {
        int user = activity.anyUser(random);
        user(json, "member", new Actor(user, users.id(user), users.login(user)));
        json.field("action", "added");
    }

    private void commitComment(EventDraft event, SplittableRandom random, JsonBuilder json) {
        json.beginObject("comment").field("id", 20_100_000L + random.nextInt(300_000));
        appendSha(json.beginString("commit_id"), random.nextLong(), 0);
        json.endString().field("body", pick(Words.COMMENT_BODIES, random));
        user(json, "user", event.actor());
        json.endObject();
    }

    private static void user(JsonBuilder json, String name, Actor actor) {
        json.beginObject(name).field("login", actor.login()).field("id", actor.id()).endObject();
    }

    private static StringBuilder appendRepoUrl(JsonBuilder json, Repository repo) {
        return json.raw().append("https://api.github.com/repos/").append(repo.owner()).append('/').append(repo.name());
    }

    /** A 40-hex-digit commit id, the same for the same (seed, position). */
    private static void appendSha(JsonBuilder json, long shaSeed, int position) {
        appendSha(json.raw(), shaSeed, position);
    }

    private static void appendSha(StringBuilder out, long shaSeed, int position) {
        long a = Mix.mix(shaSeed + position * 3L);
        long b = Mix.mix(shaSeed + position * 3L + 1);
        long c = Mix.mix(shaSeed + position * 3L + 2);
        hex(a, 16, out);
        hex(b, 16, out);
        hex(c, 8, out);
    }

    private static void hex(long value, int digits, StringBuilder out) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (value >>> shift) & 0xF]);
        }
    }

    /** Who commits: a stable name per user, and either GitHub's no-reply address or an example one. */
    private Author author(Actor actor) {
        long hash = Mix.hash(seed, 70, actor.index());
        if (users.isBot(actor.index())) {
            return new Author(actor.login() + "@users.noreply.github.com", actor.login());
        }
        String first = Words.FIRST_NAMES.get(Mix.below(hash, Words.FIRST_NAMES.size()));
        String last = Words.LAST_NAMES.get(Mix.below(Mix.mix(hash), Words.LAST_NAMES.size()));
        String email = Mix.unit(Mix.mix(hash + 1)) < 0.4
                ? actor.login() + "@users.noreply.github.com"
                : first + "." + last + "@example.com";
        return new Author(email, capitalise(first) + " " + capitalise(last));
    }

    private record Author(String email, String name) {
    }

    private static String description(Repository repo) {
        return "A " + repo.name().replace('-', ' ') + " project";
    }

    private static String tag(SplittableRandom random) {
        return "v" + random.nextInt(4) + "." + random.nextInt(12) + "." + random.nextInt(10);
    }

    /** Most issues and pull requests touched in a day are recent ones in small repositories. */
    private static int issueNumber(SplittableRandom random) {
        return 1 + (int) (400 * Math.pow(random.nextDouble(), 2));
    }

    private static String capitalise(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String pick(List<String> words, SplittableRandom random) {
        return words.get(random.nextInt(words.size()));
    }
}
