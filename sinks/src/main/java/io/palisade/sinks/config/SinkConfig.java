package io.palisade.sinks.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import io.palisade.runtime.Backoff;
import io.palisade.schema.Severity;
import io.palisade.sinks.SinkSettings;
import io.palisade.sinks.TagFilter;
import io.palisade.sinks.elasticsearch.ElasticsearchConnection;
import io.palisade.sinks.s3.S3ArchiveSettings;
import io.palisade.sinks.slack.SlackRoute;
import io.palisade.sinks.slack.SlackSettings;
import io.palisade.sinks.slack.SlackWebhook;

/**
 * One sink as the sinks configuration file writes it: its name, {@code type}, filters, batching, backoff and the
 * section of its type; a {@code null} setting takes its default. {@link #problems} checks what binding cannot, and
 * {@link #definition()} turns a valid sink into the settings the sinks run with.
 *
 * @param name          lowercase letters, digits and dashes; names the consumer group; required
 * @param type          elasticsearch, slack or s3; required, and names the one section the sink has
 * @param minSeverity   alerts less severe than this are skipped (default debug)
 * @param tagsAny       only alerts with at least one of these tags (default: any alert)
 * @param tagsNone      never alerts with any of these tags (default: none excluded)
 * @param batchSize     a batch is written once it holds this many alerts (default 500)
 * @param batchLinger   ...or once its oldest alert waited this long (default 1s)
 * @param backoff       delays between retries of a failed write (default 200ms up to 30s)
 * @param elasticsearch the section of {@code type: elasticsearch}
 * @param slack         the section of {@code type: slack}
 * @param s3            the section of {@code type: s3}
 */
public record SinkConfig(String name, String type, Severity minSeverity, List<String> tagsAny, List<String> tagsNone,
                         Integer batchSize, Duration batchLinger, BackoffSection backoff,
                         ElasticsearchSection elasticsearch, SlackSection slack, S3Section s3) {

    private static final List<String> TYPES = List.of("elasticsearch", "slack", "s3");

    public SinkConfig {
        minSeverity = Objects.requireNonNullElse(minSeverity, SinkSettings.DEFAULT_MINIMUM_SEVERITY);
        tagsAny = tagsAny == null ? List.of() : List.copyOf(tagsAny);
        tagsNone = tagsNone == null ? List.of() : List.copyOf(tagsNone);
        batchSize = Objects.requireNonNullElse(batchSize, SinkSettings.DEFAULT_BATCH_SIZE);
        batchLinger = Objects.requireNonNullElse(batchLinger, SinkSettings.DEFAULT_BATCH_LINGER);
        backoff = Objects.requireNonNullElseGet(backoff, () -> new BackoffSection(null, null));
    }

    /** {@code backoff}: {@code initial} delay, doubled per failed attempt up to {@code max}. */
    public record BackoffSection(Duration initial, Duration max) {
        public BackoffSection {
            initial = Objects.requireNonNullElse(initial, SinkSettings.DEFAULT_BACKOFF.initial());
            max = Objects.requireNonNullElse(max, SinkSettings.DEFAULT_BACKOFF.max());
        }
    }

    /** {@code elasticsearch}: see {@link ElasticsearchConnection}. */
    public record ElasticsearchSection(URI url, String username, String password, String apiKey, Path caFile) {
    }

    /** {@code slack}: see {@link SlackSettings}; each route is a minimum severity and a webhook. */
    public record SlackSection(List<Route> routes, Integer maxMessagesPerMinute, Duration requestTimeout,
                               Duration maxRetryAfter) {

        public SlackSection {
            routes = routes == null ? List.of() : routes.stream().filter(Objects::nonNull).toList();
            maxMessagesPerMinute = Objects.requireNonNullElse(maxMessagesPerMinute,
                    SlackSettings.DEFAULT_MAX_MESSAGES_PER_MINUTE);
            requestTimeout = Objects.requireNonNullElse(requestTimeout, SlackSettings.DEFAULT_REQUEST_TIMEOUT);
            maxRetryAfter = Objects.requireNonNullElse(maxRetryAfter, SlackSettings.DEFAULT_MAX_RETRY_AFTER);
        }

        /** An alert goes to every route it is severe enough for. */
        public record Route(Severity minSeverity, String webhookUrl) {
            public Route {
                minSeverity = Objects.requireNonNullElse(minSeverity, SinkSettings.DEFAULT_MINIMUM_SEVERITY);
            }
        }
    }

    /** {@code s3}: see {@link S3ArchiveSettings}. */
    public record S3Section(URI endpoint, String region, String bucket, String prefix, Boolean createBucket,
                            String accessKey, String secretKey) {
        public S3Section {
            region = Objects.requireNonNullElse(region, S3ArchiveSettings.DEFAULT_REGION);
            prefix = Objects.requireNonNullElse(prefix, S3ArchiveSettings.DEFAULT_PREFIX);
            createBucket = Objects.requireNonNullElse(createBucket, true);
        }
    }

    /** Every problem of this sink, each naming its key below {@code path}, e.g. {@code sinks[0]}. */
    List<String> problems(String path) {
        List<String> problems = new ArrayList<>();
        if (name == null) {
            problems.add(path + ".name is required");
        }
        if (type == null) {
            problems.add(path + ".type is required (one of " + TYPES + ")");
        } else if (!TYPES.contains(type)) {
            problems.add(path + ".type must be one of " + TYPES + ", not " + type);
        }
        sections().forEach((sectionType, section) -> {
            if (section != null && type != null && !sectionType.equals(type)) {
                problems.add(path + "." + sectionType + " is not a known setting for a sink of type " + type);
            }
        });
        if (name != null) {
            attempt(problems, path, this::settings);
        }
        if (TYPES.contains(type) && sections().get(type) == null) {
            problems.add(path + "." + type + " is required for a sink of type " + type);
        } else if (slack != null && type.equals("slack")) {
            problems.addAll(routeProblems(path + ".slack.routes"));
        }
        if (TYPES.contains(type) && sections().get(type) != null && problems.isEmpty()) {
            attempt(problems, path + "." + type, this::destination);
        }
        return problems;
    }

    /** This sink as the sinks run it; only for a sink without {@link #problems}. */
    SinkDefinition definition() {
        return new SinkDefinition(settings(), destination());
    }

    private SinkSettings settings() {
        return new SinkSettings(name, minSeverity, new TagFilter(Set.copyOf(tagsAny), Set.copyOf(tagsNone)),
                batchSize, batchLinger, new Backoff(backoff.initial(), backoff.max()));
    }

    private Destination destination() {
        return switch (type) {
            case "elasticsearch" -> new Destination.Elasticsearch(new ElasticsearchConnection(elasticsearch.url(),
                    elasticsearch.username(), elasticsearch.password(), elasticsearch.apiKey(), elasticsearch.caFile()));
            case "slack" -> new Destination.Slack(new SlackSettings(slack.routes().stream()
                    .map(route -> new SlackRoute(route.minSeverity(), SlackWebhook.of(route.webhookUrl()))).toList(),
                    slack.maxMessagesPerMinute(), slack.requestTimeout(), slack.maxRetryAfter()));
            default -> new Destination.S3(new S3ArchiveSettings(s3.endpoint(), s3.region(), s3.bucket(), s3.prefix(),
                    s3.createBucket(), s3.accessKey(), s3.secretKey()));
        };
    }

    private List<String> routeProblems(String path) {
        List<String> problems = new ArrayList<>();
        if (slack.routes().isEmpty()) {
            problems.add(path + " needs at least one route (min_severity, webhook_url)");
        }
        for (int i = 0; i < slack.routes().size(); i++) {
            if (slack.routes().get(i).webhookUrl() == null) {
                problems.add(path + "[" + i + "].webhook_url is required");
            }
        }
        return problems;
    }

    private Map<String, Object> sections() {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("elasticsearch", elasticsearch);
        sections.put("slack", slack);
        sections.put("s3", s3);
        return sections;
    }

    /** The settings records check themselves on construction; their message names what is wrong. */
    private static void attempt(List<String> problems, String path, Supplier<?> construction) {
        try {
            construction.get();
        } catch (IllegalArgumentException e) {
            problems.add(path + ": " + e.getMessage());
        }
    }
}
