package io.hyperscalelab.data;

import java.util.List;

/**
 * The five events of the user the 2022 quickstart looks up ({@code WHERE user_id = 3861633}):
 * a push, a tag, a release, a star and an issue on one repository between 06:28 and 07:46, as
 * in that lab's answer. Only the times and types are the lab's; the login and repository are
 * this generator's own.
 */
final class FeaturedUserStory {

    private static final String TAG = "v1.0";

    private FeaturedUserStory() {
    }

    /** The story, in time order, or nothing when the users file is too small to hold the user. */
    static List<EventDraft> events(UserDirectory users, Repositories repositories) {
        int index = users.featuredIndex();
        if (index < 0) {
            return List.of();
        }
        Actor actor = new Actor(index, users.id(index), users.login(index));
        Repository repo = repositories.ofUser(index, 0);
        return List.of(
                new EventDraft(EventType.PUSH, actor, repo, at(6, 28, 44), null, null, null, 3),
                new EventDraft(EventType.CREATE, actor, repo, at(6, 29, 27), RefType.TAG, null, TAG, 0),
                new EventDraft(EventType.RELEASE, actor, repo, at(6, 36, 47), null, null, TAG, 0),
                EventDraft.of(EventType.WATCH, actor, repo, at(6, 42, 35)),
                EventDraft.of(EventType.ISSUES, actor, repo, at(7, 45, 58)));
    }

    private static int at(int hour, int minute, int second) {
        return (hour - LabTime.FIRST_HOUR) * 3600 + minute * 60 + second;
    }
}
