package kr.jsoft.privacyportal.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.Map;

/**
 * The portal's logging, set up in code (found by logback through {@code META-INF/services}): an XML
 * file costs logback's Joran interpreter (its SAX parsing, model and actions: hundreds of classes and
 * lambdas) at every start. {@code PORTAL_LOG_FORMAT} (text, the default, or json; Settings refuses any
 * other value) picks the console appender; every line written while a request is served carries its
 * request id (MDC key {@link RequestLog#MDC_KEY}).
 *
 * <p>A file of one's own still wins: with {@code -Dlogback.configurationFile=…}, or a
 * {@code logback-test.xml} on the class path, this steps aside and logback reads that file.
 */
public final class PortalLogging extends ContextAwareBase implements Configurator {
    static final String TEXT_PATTERN = "%d{ISO8601} %-5level [%thread] %logger{30} - %msg"
            + "%replace( [req %X{" + RequestLog.MDC_KEY + "}]){' \\[req \\]', ''}%n";

    /** Libraries quieter than INFO: GreenMail (the development mailbox) logs recipient addresses at INFO. */
    private static final Map<String, Level> LIBRARY_LEVELS = Map.of(
            "org.hibernate", Level.WARN,
            "org.flywaydb", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "org.eclipse.jetty", Level.WARN,
            "com.icegreen.greenmail", Level.WARN,
            "org.apache.jasper", Level.WARN,
            "org.apache.tomcat.util.digester", Level.ERROR,
            "org.apache.tomcat.util.descriptor", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || PortalLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context, format(context));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * The format asked for, looked up where logback's own {@code ${PORTAL_LOG_FORMAT}} would look:
     * the context's properties, then system properties, then the environment.
     */
    static String format(LoggerContext context) {
        String format = context.getProperty("PORTAL_LOG_FORMAT");
        if (format == null) {
            format = System.getProperty("PORTAL_LOG_FORMAT");
        }
        if (format == null) {
            format = System.getenv("PORTAL_LOG_FORMAT");
        }
        return format == null ? "text" : format;
    }

    /** Root at INFO through one console appender named after the format, the libraries' levels as above. */
    static void apply(LoggerContext context, String format) {
        context.getStatusManager().add(new NopStatusListener());
        boolean json = "json".equals(format);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(json ? "json" : "text");
        console.setEncoder(json ? jsonEncoder(context) : textEncoder(context));
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        for (Map.Entry<String, Level> library : LIBRARY_LEVELS.entrySet()) {
            context.getLogger(library.getKey()).setLevel(library.getValue());
        }
    }

    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }

    /**
     * One JSON object per line: timestamp, level, logger, thread, mdc (requestId), key-value pairs
     * (the request line's method, route, status, durationMs), formatted message and throwable.
     */
    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithArguments(false);
        encoder.setWithMessage(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
