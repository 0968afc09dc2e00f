package io.palisade.cli.quickstart;

import java.nio.file.Path;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

/**
 * Sends the process's logs to a file instead of standard error, so they do not tear the terminal view apart; same
 * key=value format as logback.xml.
 */
public final class QuietLogs {

    private QuietLogs() {
    }

    /** Logs go to {@code file} (appended) from now on. */
    public static void toFile(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // Another SLF4J backend: leave its configuration alone.
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("ts=%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} level=%level logger=%logger{0} msg=\"%msg\" "
                + "%kvp%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("quickstart-file");
        appender.setFile(file.toAbsolutePath().toString());
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
    }
}
