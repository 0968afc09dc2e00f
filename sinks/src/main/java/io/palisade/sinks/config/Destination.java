package io.palisade.sinks.config;

import io.palisade.sinks.AlertSink;
import io.palisade.sinks.elasticsearch.ElasticsearchAlertSink;
import io.palisade.sinks.elasticsearch.ElasticsearchConnection;
import io.palisade.sinks.s3.S3ArchiveSettings;
import io.palisade.sinks.s3.S3ArchiveSink;
import io.palisade.sinks.slack.SlackAlertSink;
import io.palisade.sinks.slack.SlackSettings;

/** Where one configured sink writes: its {@code type} and that type's settings section. */
public sealed interface Destination {

    /** The {@code type} of the configuration, which also names the settings section. */
    String type();

    /** Connects to the destination; the caller closes the sink. */
    AlertSink open();

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
    }
}
