package io.hyperscalelab.data;

/** What a CreateEvent created; the lab counts the {@code repository} ones per user. */
enum RefType {
    REPOSITORY("repository"),
    BRANCH("branch"),
    TAG("tag");

    private final String json;

    RefType(String json) {
        this.json = json;
    }

    String json() {
        return json;
    }

    /** About 30% repositories, 55% branches, 15% tags, as in GitHub Archive. */
    static RefType pick(double unit) {
        if (unit < 0.30) {
            return REPOSITORY;
        }
        return unit < 0.85 ? BRANCH : TAG;
    }
}
