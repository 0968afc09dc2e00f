package io.palisade.rules.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J back end of this module's tests: records every warning and error, and prints them to stderr. Drools
 * reports some rule problems only as log warnings at load time (e.g. MVELConstraint's "causes class reactivity"),
 * never as compiler messages, so the build check can only see them here.
 */
public final class RecordingLoggerProvider implements SLF4JServiceProvider {

    private static final List<String> WARNINGS = new CopyOnWriteArrayList<>();

    private final ILoggerFactory loggers = RecordingLogger::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** The warnings and errors logged since the last call, and forgets them. */
    public static List<String> drainWarnings() {
        List<String> drained = List.copyOf(WARNINGS);
        WARNINGS.removeAll(drained);
        return drained;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: loggers are created on demand.
    }

    /** Keeps WARN and ERROR; anything below is dropped, as a test run's INFO chatter helps no one. */
    private static final class RecordingLogger extends LegacyAbstractLogger {

        RecordingLogger(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern,
                Object[] arguments, Throwable throwable) {
            String line = level + " " + name + ": " + MessageFormatter.basicArrayFormat(messagePattern, arguments);
            WARNINGS.add(line);
            System.err.println(line);
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }

        @Override
        public boolean isInfoEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
