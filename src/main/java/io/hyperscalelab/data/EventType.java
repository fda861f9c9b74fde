package io.hyperscalelab.data;

/**
 * The GitHub event types in the file, with their share of ordinary traffic: GitHub Archive's
 * mix around the end of 2016, when pushes were about half of all public events.
 */
enum EventType {
    PUSH("PushEvent", 50.0),
    CREATE("CreateEvent", 12.0),
    WATCH("WatchEvent", 10.0),
    ISSUE_COMMENT("IssueCommentEvent", 8.0),
    PULL_REQUEST("PullRequestEvent", 7.0),
    ISSUES("IssuesEvent", 4.0),
    DELETE("DeleteEvent", 3.0),
    FORK("ForkEvent", 3.0),
    PULL_REQUEST_REVIEW_COMMENT("PullRequestReviewCommentEvent", 1.5),
    RELEASE("ReleaseEvent", 0.5),
    GOLLUM("GollumEvent", 0.4),
    MEMBER("MemberEvent", 0.3),
    COMMIT_COMMENT("CommitCommentEvent", 0.2),
    PUBLIC("PublicEvent", 0.1);

    private static final EventType[] ALL = values();

    private final String gitHubName;
    private final double percent;

    EventType(String gitHubName, double percent) {
        this.gitHubName = gitHubName;
        this.percent = percent;
    }

    String gitHubName() {
        return gitHubName;
    }

    /** The type whose slice of [0, 1) holds {@code unit}; the percentages add up to 100. */
    static EventType pick(double unit) {
        double point = unit * 100.0;
        for (EventType type : ALL) {
            point -= type.percent;
            if (point < 0) {
                return type;
            }
        }
        return ALL[ALL.length - 1];
    }
}
