package io.palisade.cli.quickstart;

import java.util.List;

import io.palisade.schema.Alert;

/** What the quickstart shows while it runs: a terminal view for people, a headless one for scripts. */
public interface QuickstartView {

    /** Something happening while starting, e.g. "Starting Kafka, Elasticsearch and S3Proxy ...". */
    void progress(String message);

    /** Everything runs: where to look, and what is off on this host. */
    void started(Endpoints endpoints, List<String> notes);

    /** One alert (or an update of one already shown). */
    void alert(Alert alert, boolean update);

    /** Called once a second. */
    void status(Status status);

    /** Everything stopped; the last line. */
    void stopped(String summary);
}
