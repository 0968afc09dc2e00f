package io.palisade.sinks.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.palisade.runtime.Backoff;
import io.palisade.sinks.SinkSettings;
import io.palisade.sinks.TagFilter;
import io.palisade.sinks.elasticsearch.ElasticsearchConnection;
import io.palisade.sinks.s3.S3ArchiveSettings;
import io.palisade.sinks.slack.SlackRoute;
import io.palisade.sinks.slack.SlackSettings;
import io.palisade.sinks.slack.SlackWebhook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the sinks configuration file ({@code palisade sinks --config}): a YAML list of sinks, each with its name,
 * {@code type} (elasticsearch, slack or s3), filters, batching, backoff and its type's section. Validation reports
 * every problem at once (unknown keys, wrong types, missing required values, unset environment variables, and the
 * errors of each settings record) in one {@link InvalidSinksConfigException}. Values may name environment
 * variables, {@code ${ES_PASSWORD}}, so secrets need not sit in the file.
 */
public final class SinksConfigLoader {

    /** The mapper that reads the file and writes {@link SinksConfig#toYaml}. */
    public static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build()).build();

    private static final List<String> TYPES = List.of("elasticsearch", "slack", "s3");

    private SinksConfigLoader() {
    }

    /**
     * @param env the environment ({@code System.getenv()}) for {@code ${NAME}} references
     * @throws InvalidSinksConfigException listing every problem of the file
     */
    public static SinksConfig load(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidSinksConfigException(List.of(file + ": no such file"));
        } catch (IOException e) {
            throw new InvalidSinksConfigException(List.of(file + ": cannot be read: " + e));
        }
        return parse(text, file.toString(), env);
    }

    /** Like {@link #load}, from the file's text; {@code source} names it in problems. */
    public static SinksConfig parse(String yaml, String source, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidSinksConfigException(List.of(source + ": not valid YAML at line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSinksConfigException(List.of(source + ": expected a 'sinks:' list at the top level"));
        }
        ConfigSection top = new ConfigSection("", root, env, problems);
        List<ConfigSection> sections = top.sections("sinks");
        if (sections.isEmpty() && problems.isEmpty()) {
            top.problem("sinks", "at least one sink is required");
        }
        top.rejectUnknownKeys();
        List<SinkDefinition> sinks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigSection section : sections) {
            sink(section).ifPresent(sink -> {
                if (!names.add(sink.settings().name())) {
                    problems.add(section.path() + ": another sink is already named " + sink.settings().name()
                            + " (each sink has its own consumer group, named after it)");
                }
                sinks.add(sink);
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidSinksConfigException(problems);
        }
        return new SinksConfig(sinks);
    }

    private static Optional<SinkDefinition> sink(ConfigSection section) {
        String name = section.requiredText("name");
        String type = section.requiredText("type");
        SinkSettings defaults = SinkSettings.defaults("default");
        Optional<SinkSettings> settings = section.build(() -> new SinkSettings(name,
                section.severity("min_severity").orElse(defaults.minimumSeverity()),
                new TagFilter(Set.copyOf(section.texts("tags_any")), Set.copyOf(section.texts("tags_none"))),
                section.integer("batch_size").orElse(defaults.batchSize()),
                section.duration("batch_linger").orElse(defaults.batchLinger()),
                backoff(section, defaults.backoff())));
        Optional<Destination> destination = Optional.empty();
        if (type != null && !TYPES.contains(type)) {
            section.problem("type", "must be one of " + TYPES + ", not " + type);
        } else if (type != null) {
            Optional<ConfigSection> typed = section.section(type);
            if (typed.isEmpty()) {
                section.problem(type, "is required for a sink of type " + type);
            } else {
                destination = switch (type) {
                    case "elasticsearch" -> elasticsearch(typed.get());
                    case "slack" -> slack(typed.get());
                    default -> s3(typed.get());
                };
                typed.get().rejectUnknownKeys();
            }
        }
        section.rejectUnknownKeys();
        return settings.isPresent() && destination.isPresent()
                ? Optional.of(new SinkDefinition(settings.get(), destination.get())) : Optional.empty();
    }

    private static Backoff backoff(ConfigSection sink, Backoff defaults) {
        return sink.section("backoff").map(section -> {
            Backoff backoff = new Backoff(section.duration("initial").orElse(defaults.initial()),
                    section.duration("max").orElse(defaults.max()));
            section.rejectUnknownKeys();
            return backoff;
        }).orElse(defaults);
    }

    private static Optional<Destination> elasticsearch(ConfigSection section) {
        var url = section.uri("url");
        if (url.isEmpty()) {
            section.requiredText("url");
        }
        String username = section.text("username").orElse(null);
        String password = section.text("password").orElse(null);
        String apiKey = section.text("api_key").orElse(null);
        Path caFile = section.file("ca_file").orElse(null);
        return url.flatMap(u -> section.build(() -> new Destination.Elasticsearch(
                new ElasticsearchConnection(u, username, password, apiKey, caFile))));
    }

    private static Optional<Destination> slack(ConfigSection section) {
        List<SlackRoute> routes = new ArrayList<>();
        List<ConfigSection> routeSections = section.sections("routes");
        boolean complete = true;
        for (ConfigSection route : routeSections) {
            var minimum = route.severity("min_severity").orElse(SinkSettings.DEFAULT_MINIMUM_SEVERITY);
            String url = route.requiredText("webhook_url");
            route.rejectUnknownKeys();
            Optional<SlackRoute> built = url == null ? Optional.empty()
                    : route.build(() -> new SlackRoute(minimum, SlackWebhook.of(url)));
            built.ifPresent(routes::add);
            complete &= built.isPresent();
        }
        if (routeSections.isEmpty()) {
            section.problem("routes", "at least one route (min_severity, webhook_url) is required");
            return Optional.empty();
        }
        int perMinute = section.integer("max_messages_per_minute").orElse(SlackSettings.DEFAULT_MAX_MESSAGES_PER_MINUTE);
        var timeout = section.duration("request_timeout").orElse(SlackSettings.DEFAULT_REQUEST_TIMEOUT);
        var retryAfter = section.duration("max_retry_after").orElse(SlackSettings.DEFAULT_MAX_RETRY_AFTER);
        if (!complete) {
            return Optional.empty();
        }
        return section.build(() -> new Destination.Slack(new SlackSettings(routes, perMinute, timeout, retryAfter)));
    }

    private static Optional<Destination> s3(ConfigSection section) {
        var endpoint = section.uri("endpoint").orElse(null);
        String region = section.text("region").orElse(null);
        String bucket = section.text("bucket").orElse(null);
        String prefix = section.text("prefix").orElse(null);
        boolean create = section.bool("create_bucket").orElse(true);
        String accessKey = section.text("access_key").orElse(null);
        String secretKey = section.text("secret_key").orElse(null);
        return section.build(() -> new Destination.S3(
                new S3ArchiveSettings(endpoint, region, bucket, prefix, create, accessKey, secretKey)));
    }
}
