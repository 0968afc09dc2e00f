package io.palisade.processor.inventory;

/**
 * The inventory cannot be read right now: the processor is starting or rebalancing (its stores are moving), or
 * another instance did not answer. Answered 503 with Retry-After, since asking again shortly will work.
 */
public final class InventoryUnavailableException extends RuntimeException {

    public InventoryUnavailableException(String message) {
        super(message);
    }

    public InventoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
