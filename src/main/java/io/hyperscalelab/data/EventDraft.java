package io.hyperscalelab.data;

/**
 * Everything decided about one event before its payload is written.
 *
 * @param refType what a CreateEvent created; null for other types
 * @param forkee the repository a ForkEvent created; null for other types
 * @param tag the tag a CreateEvent or ReleaseEvent uses, or null to pick one
 * @param pushSize the commits of a PushEvent, or 0 to pick a size
 */
record EventDraft(EventType type, Actor actor, Repository repo, int second, RefType refType, Repository forkee,
                  String tag, int pushSize) {

    static EventDraft of(EventType type, Actor actor, Repository repo, int second) {
        return new EventDraft(type, actor, repo, second, null, null, null, 0);
    }
}
