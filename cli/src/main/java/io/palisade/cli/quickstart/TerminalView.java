package io.palisade.cli.quickstart;

import java.io.PrintWriter;
import java.util.List;

import io.palisade.cli.alerts.AlertView;
import io.palisade.schema.Alert;

/**
 * The quickstart for people: coloured alert lines scrolling above a status line that is redrawn in place every
 * second (ANSI carriage return and erase-line).
 */
public final class TerminalView implements QuickstartView {

    private static final String ERASE_LINE = "\r\u001b[2K";

    private final PrintWriter out;
    private final boolean colour;
    private String statusLine = "";

    public TerminalView(PrintWriter out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    @Override
    public synchronized void progress(String message) {
        out.println(message);
        out.flush();
    }

    @Override
    public synchronized void started(Endpoints endpoints, List<String> notes) {
        out.println();
        out.println("Palisade is running. Where to look:");
        endpoints.forPeople().forEach(out::println);
        if (!notes.isEmpty()) {
            out.println("Off or limited on this host:");
            notes.forEach(note -> out.println("  " + note));
        }
        out.println();
        out.println("Alerts appear below as they come (try: docker run --rm --privileged busybox true). Ctrl-C stops.");
        out.flush();
    }

    @Override
    public synchronized void alert(Alert alert, boolean update) {
        out.print(ERASE_LINE);
        out.println(AlertView.line(alert, update, colour));
        out.print(statusLine);
        out.flush();
    }

    @Override
    public synchronized void status(Status status) {
        statusLine = (colour ? "\u001b[7m" : "") + status.line() + (colour ? "\u001b[0m" : "");
        out.print(ERASE_LINE + statusLine);
        out.flush();
    }

    @Override
    public synchronized void stopped(String summary) {
        out.print(ERASE_LINE);
        out.println(summary);
        out.flush();
    }
}
