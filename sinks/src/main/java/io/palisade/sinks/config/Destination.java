package io.palisade.sinks.config;

import io.palisade.sinks.AlertSink;
import io.palisade.sinks.elasticsearch.ElasticsearchAlertSink;
import io.palisade.sinks.elasticsearch.ElasticsearchConnection;
import io.palisade.sinks.s3.S3ArchiveSettings;
import io.palisade.sinks.s3.S3ArchiveSink;
import io.palisade.sinks.slack.SlackAlertSink;
import io.palisade.sinks.slack.SlackSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where one configured sink writes: its {@code type} and that type's settings section. */
public sealed interface Destination {

    String REDACTED = "<redacted>";

    /** The {@code type} of the configuration, which also names the settings section. */
    String type();

    /** Connects to the destination; the caller closes the sink. */
    AlertSink open();

    /** The effective settings as configuration keys, secrets redacted, for {@code --dry-run}. */
    Map<String, Object> describe();

    private static String redacted(String secret) {
        return secret == null ? null : REDACTED;
    }

    /** {@code type: elasticsearch}. */
    record Elasticsearch(ElasticsearchConnection connection) implements Destination {
        @Override
        public String type() {
            return "elasticsearch";
        }

        @Override
        public AlertSink open() {
            return ElasticsearchAlertSink.connect(connection);
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> keys = new LinkedHashMap<>();
            keys.put("url", connection.url().toString());
            keys.put("username", connection.username());
            keys.put("password", redacted(connection.password()));
            keys.put("api_key", redacted(connection.apiKey()));
            keys.put("ca_file", connection.caFile() == null ? null : connection.caFile().toString());
            return keys;
        }
    }

    /** {@code type: slack}. */
    record Slack(SlackSettings settings) implements Destination {
        @Override
        public String type() {
            return "slack";
        }

        @Override
        public AlertSink open() {
            return new SlackAlertSink(settings);
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> keys = new LinkedHashMap<>();
            keys.put("routes", settings.routes().stream().map(route -> {
                Map<String, Object> described = new LinkedHashMap<>();
                described.put("min_severity", SinksConfig.lower(route.minimumSeverity()));
                described.put("webhook_url", REDACTED);
                return described;
            }).toList());
            keys.put("max_messages_per_minute", settings.maxMessagesPerMinute());
            keys.put("request_timeout", SinksConfig.format(settings.requestTimeout()));
            keys.put("max_retry_after", SinksConfig.format(settings.maxRetryAfter()));
            return keys;
        }
    }

    /** {@code type: s3}. */
    record S3(S3ArchiveSettings settings) implements Destination {
        @Override
        public String type() {
            return "s3";
        }

        @Override
        public AlertSink open() {
            return S3ArchiveSink.connect(settings);
        }

        @Override
        public Map<String, Object> describe() {
            Map<String, Object> keys = new LinkedHashMap<>();
            keys.put("endpoint", settings.endpoint() == null ? null : settings.endpoint().toString());
            keys.put("region", settings.region());
            keys.put("bucket", settings.bucket());
            keys.put("prefix", settings.prefix());
            keys.put("create_bucket", settings.createBucket());
            keys.put("access_key", settings.accessKey());
            keys.put("secret_key", redacted(settings.secretKey()));
            return keys;
        }
    }
}
