package io.palisade.cli.quickstart;

import java.io.PrintWriter;
import java.util.List;

import io.palisade.cli.alerts.AlertView;
import io.palisade.schema.Alert;

/**
 * The quickstart for scripts, on standard output: the endpoints as {@code key=value} lines, then {@code ready=true},
 * then one JSON object per alert; progress, notes and the final line go to standard error.
 */
public final class HeadlessView implements QuickstartView {

    private final PrintWriter out;
    private final PrintWriter err;

    public HeadlessView(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized void progress(String message) {
        err.println(message);
        err.flush();
    }

    @Override
    public synchronized void started(Endpoints endpoints, List<String> notes) {
        endpoints.keyValues().forEach((key, value) -> out.println(key + "=" + value));
        out.println("ready=true");
        out.flush();
        notes.forEach(note -> err.println("off or limited: " + note));
        err.flush();
    }

    @Override
    public synchronized void alert(Alert alert, boolean update) {
        out.println(AlertView.json(alert, update));
        out.flush();
    }

    @Override
    public void status(Status status) {
        // Scripts read the alerts; the status would only be noise between them.
    }

    @Override
    public synchronized void stopped(String summary) {
        err.println(summary);
        err.flush();
    }
}
