package io.palisade.processor;

import io.palisade.schema.DeadLetter;

/**
 * What became of one raw record: a readable event, the dead letter that replaces it, or a tombstone (a null value,
 * which on a compacted topic deletes its key).
 */
sealed interface Decoded<V> {

    record Readable<V>(V event) implements Decoded<V> {
    }

    record Unreadable<V>(DeadLetter deadLetter) implements Decoded<V> {
    }

    record Tombstone<V>() implements Decoded<V> {
    }
}
