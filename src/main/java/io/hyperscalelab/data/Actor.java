package io.hyperscalelab.data;

/** The user an event belongs to: its github_users index, user_id and login. */
record Actor(int index, long id, String login) {
}
