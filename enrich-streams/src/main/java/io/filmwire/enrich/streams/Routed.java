package io.filmwire.enrich.streams;

import io.filmwire.schema.DlqEntry;

/** A processor's output: a value for the next step, or a dead letter. */
sealed interface Routed<T> {

    record Ok<T>(T value) implements Routed<T> {
    }

    record Dead<T>(DlqEntry entry) implements Routed<T> {
    }

    default boolean isDead() {
        return this instanceof Dead;
    }

    default T value() {
        return ((Ok<T>) this).value();
    }

    default DlqEntry entry() {
        return ((Dead<T>) this).entry();
    }
}
