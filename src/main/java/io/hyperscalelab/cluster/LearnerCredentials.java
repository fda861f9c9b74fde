package io.hyperscalelab.cluster;

/**
 * The learner's admin role ({@code citus}) and its password, for the product's parts that run the
 * learner's SQL as the learner (the query editor, Cloud Shell): never as a superuser.
 */
public record LearnerCredentials(String username, String password) {

    @Override
    public String toString() {
        return "LearnerCredentials[username=" + username + "]";
    }
}
