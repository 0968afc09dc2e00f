package io.palisade.processor.support;

import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that forgets its least recently used entry once it holds more than its capacity: bounded in-process memory
 * for what a processor can afford to lose (caches, hints), never for state that results depend on.
 *
 * @param <K> keys
 * @param <V> values
 */
public final class RecentlyUsed<K, V> extends LinkedHashMap<K, V> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int capacity;

    public RecentlyUsed(int capacity) {
        super(Math.min(capacity, 1024), 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
