package io.hyperscalelab.portal;

/** One name/value pair of the Tags tab. */
public record ResourceTag(String name, String value) {

    public ResourceTag {
        name = name == null ? "" : name.strip();
        value = value == null ? "" : value.strip();
    }

    /** The grid's empty input row, which the form ignores. */
    public boolean isBlank() {
        return name.isEmpty() && value.isEmpty();
    }
}
