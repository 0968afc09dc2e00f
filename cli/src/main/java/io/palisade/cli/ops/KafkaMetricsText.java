package io.palisade.cli.ops;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Renders Kafka client metrics (producer, consumer, Streams) as Prometheus text, so the processor, the collectors and
 * the sinks expose what Kafka already measures (lag, rates, latency) without a metrics library.
 */
public final class KafkaMetricsText {

    private KafkaMetricsText() {
    }

    public static String render(String prefix, Map<MetricName, ? extends Metric> metrics) {
        Map<String, Double> lines = new TreeMap<>();
        metrics.forEach((name, metric) -> {
            if (metric.metricValue() instanceof Number number && Double.isFinite(number.doubleValue())) {
                lines.put(prefix + sanitize(name.group() + "_" + name.name()) + labels(name.tags()), number.doubleValue());
            }
        });
        StringBuilder text = new StringBuilder();
        lines.forEach((line, value) -> text.append(line).append(' ').append(value).append('\n'));
        return text.toString();
    }

    private static String labels(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return "";
        }
        StringBuilder labels = new StringBuilder("{");
        new TreeMap<>(tags).forEach((key, value) -> labels.append(labels.length() > 1 ? "," : "")
                .append(sanitize(key)).append("=\"").append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                .append('"'));
        return labels.append('}').toString();
    }

    private static String sanitize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
