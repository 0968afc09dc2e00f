package io.palisade.processor;

import io.palisade.schema.DeadLetter;

/** What became of one raw event record: a readable event, or the dead letter that replaces it. */
sealed interface Decoded<V> {

    record Readable<V>(V event) implements Decoded<V> {
    }

    record Unreadable<V>(DeadLetter deadLetter) implements Decoded<V> {
    }
}
