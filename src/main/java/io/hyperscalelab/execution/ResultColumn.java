package io.hyperscalelab.execution;

/** A result column: its label and its PostgreSQL type name (e.g. {@code int8}, {@code timestamp}). */
public record ResultColumn(String name, String type) {
}
