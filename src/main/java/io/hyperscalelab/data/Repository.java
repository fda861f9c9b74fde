package io.hyperscalelab.data;

/** A repository as events name it; {@code org} is null unless an organisation owns it. */
record Repository(long id, String owner, String name, Org org) {

    String fullName() {
        return owner + "/" + name;
    }
}
