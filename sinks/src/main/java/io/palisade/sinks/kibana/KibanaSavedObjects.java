package io.palisade.sinks.kibana;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Kibana objects Palisade ships, as one saved-objects ndjson file: the data view on {@code palisade-alerts-*}
 * and the "Palisade alerts" dashboard (alerts over time by severity, top rules, hosts, containers and images, MITRE
 * ATT&CK techniques, latest critical alerts) with its visualizations and saved search. Every object has a fixed id,
 * so importing again with overwrite updates them in place.
 */
public final class KibanaSavedObjects {

    /** The file name, as Kibana's import API wants a file part with an .ndjson name. */
    public static final String FILE_NAME = "palisade-saved-objects.ndjson";

    /** The id of the dashboard, for the URL {@code <kibana>/app/dashboards#/view/<id>}. */
    public static final String DASHBOARD_ID = "palisade-alerts-dashboard";

    private KibanaSavedObjects() {
    }

    /** The ndjson bytes. */
    public static byte[] ndjson() {
        try (InputStream in = KibanaSavedObjects.class.getResourceAsStream(FILE_NAME)) {
            if (in == null) {
                throw new IOException("missing resource " + FILE_NAME);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
