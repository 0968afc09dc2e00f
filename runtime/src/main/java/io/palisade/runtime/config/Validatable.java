package io.palisade.runtime.config;

import java.util.List;

/**
 * A configuration record that checks what types alone cannot (ranges, required values, combinations), so the
 * {@link ConfigBinder} reports those problems together with the ones found while reading.
 */
public interface Validatable {

    /** Every problem with this configuration, each naming its key; empty when it is valid. */
    List<String> problems();
}
