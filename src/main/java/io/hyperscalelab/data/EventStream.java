package io.hyperscalelab.data;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One pass that writes events.csv, row by row in time order. All randomness comes from one
 * SplittableRandom consumed in row order, and everything about users, organisations and
 * repositories from stateless hashes, so the same seed and size give the same bytes and memory
 * does not grow with the number of rows.
 */
final class EventStream {

    /** GitHub's public event ids were around 4.95 billion on 2016-12-01. */
    private static final long FIRST_EVENT_ID = 4_950_000_000L;

    private final DatasetSize size;
    private final SplittableRandom random;
    private final UserDirectory users;
    private final Repositories repositories;
    private final Activity activity;
    private final Payloads payloads;
    private final EventClock clock;
    private final List<EventDraft> story;
    private final Repository[] botRepositories = new Repository[BotAccount.CAST.size()];
    private final double[] botShareEnds = new double[BotAccount.CAST.size()];

    private final JsonBuilder payloadJson = new JsonBuilder();
    private final JsonBuilder repoJson = new JsonBuilder();
    private final JsonBuilder orgJson = new JsonBuilder();
    private final StringBuilder timestamp = new StringBuilder(19);

    private long nextEventId = FIRST_EVENT_ID;
    private long createdRepositories;

    EventStream(long seed, DatasetSize size) {
        this.size = size;
        this.random = new SplittableRandom(Mix.hash(seed, 80, 0));
        this.users = new UserDirectory(seed, size.users());
        Organisations organisations = new Organisations(seed, size.users());
        this.repositories = new Repositories(seed, users, organisations, size.events());
        this.activity = new Activity(seed, users, organisations);
        this.payloads = new Payloads(seed, users, activity);
        List<EventDraft> featured = FeaturedUserStory.events(users, repositories);
        this.story = featured.size() <= size.events() ? featured : List.of();
        this.clock = new EventClock(seed, size.events() - story.size());
        double end = 0;
        for (int b = 0; b < botShareEnds.length; b++) {
            end += BotAccount.CAST.get(b).eventShare();
            botShareEnds[b] = end;
        }
    }

    void writeTo(OutputStream out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        long ordinary = size.events() - story.size();
        int told = 0;
        for (long i = 0; i < ordinary; i++) {
            int second = clock.second(i);
            while (told < story.size() && story.get(told).second() <= second) {
                write(story.get(told++), csv);
            }
            write(ordinaryEvent(second), csv);
        }
        while (told < story.size()) {
            write(story.get(told++), csv);
        }
        csv.flush();
    }

    private EventDraft ordinaryEvent(int second) {
        double who = random.nextDouble();
        for (int b = 0; b < botShareEnds.length; b++) {
            if (who < botShareEnds[b]) {
                return botEvent(b, second);
            }
        }
        Actor actor = actor(activity.actor(random));
        EventType type = EventType.pick(random.nextDouble());
        RefType refType = type == EventType.CREATE ? RefType.pick(random.nextDouble()) : null;
        Repository repo = refType == RefType.REPOSITORY ? newRepositoryOf(actor) : repositoryFor(type, actor);
        Repository forkee = type == EventType.FORK ? repositories.created(createdRepositories++, actor.login(), repo.name(), null) : null;
        return new EventDraft(type, actor, repo, second, refType, forkee, null, 0);
    }

    /** A bot mostly creates throwaway repositories, and otherwise pushes one commit to its latest. */
    private EventDraft botEvent(int bot, int second) {
        BotAccount account = BotAccount.CAST.get(bot);
        Actor actor = actor(users.botIndex(bot));
        if (botRepositories[bot] == null || random.nextDouble() < account.repositoryShare()) {
            String name = account.repositoryPrefix() + "-" + Long.toString(1_000_000_000L + random.nextInt(1_000_000_000), 36);
            botRepositories[bot] = repositories.created(createdRepositories++, actor.login(), name, null);
            return new EventDraft(EventType.CREATE, actor, botRepositories[bot], second, RefType.REPOSITORY, null, null, 0);
        }
        return new EventDraft(EventType.PUSH, actor, botRepositories[bot], second, null, null, null, 1);
    }

    /** A repository that did not exist before: mostly the actor's own, sometimes in an organisation. */
    private Repository newRepositoryOf(Actor actor) {
        long serial = createdRepositories++;
        String name = Repositories.name(random.nextLong(), 0);
        if (random.nextDouble() < 0.1) {
            Org org = repositories.organisation(activity.organisation(random));
            return repositories.created(serial, org.login(), name, org);
        }
        return repositories.created(serial, actor.login(), name, null);
    }

    /**
     * People work on their own repositories and their organisations', and star, fork and
     * discuss other people's; about a fifth of all events end up on an organisation's
     * repository, which is what fills the org column.
     */
    private Repository repositoryFor(EventType type, Actor actor) {
        double organisationShare = switch (type) {
            case PUSH -> 0.15;
            case CREATE -> 0.10;
            case DELETE -> 0.25;
            case ISSUES -> 0.30;
            case PUBLIC -> 0.05;
            default -> 0.35;
        };
        double othersShare = switch (type) {
            case WATCH, FORK -> 1.0;
            case ISSUE_COMMENT, PULL_REQUEST, PULL_REQUEST_REVIEW_COMMENT -> 0.6;
            case ISSUES, COMMIT_COMMENT -> 0.5;
            default -> 0.0;
        };
        if (random.nextDouble() < organisationShare) {
            return repositories.ofOrganisation(activity.organisation(random), smallNumber(Repositories.PER_ORGANISATION));
        }
        if (othersShare > 0 && random.nextDouble() < othersShare) {
            return repositories.ofUser(activity.popularOwner(random), smallNumber(Repositories.PER_USER));
        }
        return repositories.ofUser(actor.index(), smallNumber(Repositories.PER_USER));
    }

    /** 0 to bound-1, favouring the low numbers: everyone has a main project. */
    private int smallNumber(int bound) {
        double u = random.nextDouble();
        return (int) (bound * u * u);
    }

    private Actor actor(int index) {
        return new Actor(index, users.id(index), users.login(index));
    }

    private void write(EventDraft event, CsvWriter csv) throws IOException {
        nextEventId += 1 + random.nextInt(3);
        payloads.write(event, random, payloadJson);
        Repository repo = event.repo();
        csv.number(nextEventId);
        csv.text(event.type().gitHubName());
        // GitHub Archive only records public events.
        csv.bool(true);
        csv.number(repo.id());
        csv.text(payloadJson.json());
        repoJson.reset().beginObject()
                .field("id", repo.id())
                .field("name", repo.fullName());
        repoJson.beginString("url").raw().append("https://api.github.com/repos/").append(repo.fullName());
        repoJson.endString().endObject();
        csv.text(repoJson.json());
        csv.number(event.actor().id());
        if (repo.org() == null) {
            csv.nullField();
        } else {
            Org org = repo.org();
            orgJson.reset().beginObject()
                    .field("id", org.id())
                    .field("login", org.login())
                    .field("gravatar_id", "");
            orgJson.beginString("url").raw().append("https://api.github.com/orgs/").append(org.login());
            orgJson.endString();
            orgJson.beginString("avatar_url").raw().append("https://avatars.githubusercontent.com/u/").append(org.id()).append('?');
            orgJson.endString().endObject();
            csv.text(orgJson.json());
        }
        timestamp.setLength(0);
        LabTime.appendTimestamp(event.second(), timestamp);
        csv.text(timestamp);
        csv.endRow();
    }
}
