package io.palisade.processor.correlation;

/**
 * Running count, mean and sum of squared deviations of one metric (Welford's online algorithm: numerically stable,
 * constant space, one sample at a time).
 */
record Welford(long count, double mean, double m2) {

    static final Welford EMPTY = new Welford(0, 0, 0);

    Welford plus(double sample) {
        long n = count + 1;
        double delta = sample - mean;
        double nextMean = mean + delta / n;
        return new Welford(n, nextMean, m2 + delta * (sample - nextMean));
    }

    /** Sample standard deviation; 0 below two samples. */
    double stddev() {
        return count < 2 ? 0 : Math.sqrt(m2 / (count - 1));
    }
}
