package io.palisade.processor.correlation;

/** The per-image baseline of resource samples, kept in a state store keyed by image name. */
record ImageBaseline(Welford cpuPercent, Welford memoryBytes) {

    static final ImageBaseline EMPTY = new ImageBaseline(Welford.EMPTY, Welford.EMPTY);
}
