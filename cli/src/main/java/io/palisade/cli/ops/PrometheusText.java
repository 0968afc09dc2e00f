package io.palisade.cli.ops;

import java.util.List;

/**
 * Prometheus text exposition, written metric by metric under one name prefix: the {@code # HELP} and {@code # TYPE}
 * lines, samples with or without labels, and histograms from cumulative bucket counts. One writer for every
 * process's own figures, so the collector's and the sinks' endpoints cannot drift apart in format.
 */
final class PrometheusText {

    private final String prefix;
    private final StringBuilder text = new StringBuilder();

    PrometheusText(String prefix) {
        this.prefix = prefix;
    }

    void header(String name, String help, String type) {
        text.append("# HELP ").append(prefix).append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(prefix).append(name).append(' ').append(type).append('\n');
    }

    /** One sample; {@code labels} as {@code key="value",...}, or empty for none. */
    void sample(String name, String labels, Object value) {
        text.append(prefix).append(name);
        if (!labels.isEmpty()) {
            text.append('{').append(labels).append('}');
        }
        text.append(' ').append(value).append('\n');
    }

    /**
     * The series of one histogram (its header written by the caller): a bucket per bound, {@code +Inf}, sum and
     * count, each with {@code labels}.
     */
    void histogram(String name, String labels, List<Double> bounds, List<Long> cumulativeCounts, long count,
                   double sumSeconds) {
        String before = labels.isEmpty() ? "" : labels + ",";
        for (int i = 0; i < bounds.size(); i++) {
            sample(name + "_bucket", before + "le=\"" + bounds.get(i) + "\"", cumulativeCounts.get(i));
        }
        sample(name + "_bucket", before + "le=\"+Inf\"", count);
        sample(name + "_sum", labels, sumSeconds);
        sample(name + "_count", labels, count);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
