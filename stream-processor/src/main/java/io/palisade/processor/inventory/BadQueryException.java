package io.palisade.processor.inventory;

/** A request the endpoint cannot answer as asked (unknown parameter, unreadable value): a 400 with this message. */
final class BadQueryException extends RuntimeException {

    BadQueryException(String message) {
        super(message);
    }
}
