package io.hyperscalelab.data;

/** An organisation that owns repositories; events on its repositories carry it in {@code org}. */
record Org(long id, String login) {
}
