package io.palisade.collector.spool;

/** Which records give way first when the spool fills up. */
public enum Priority {
    /** Security events (process, file, container, host, inventory): refused only when the spool is full. */
    SECURITY,
    /** Resource samples (palisade.events.stats): refused once the spool is three quarters full. */
    BULK
}
