package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/**
 * The portal's logging set-up: {@code PORTAL_LOG_FORMAT} picks the root appender; json writes one
 * object per line with the request id and the request line's fields.
 */
class LogFormatTest {

    private static String encodeWith(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        try {
            if (format != null) {
                context.putProperty("PORTAL_LOG_FORMAT", format);
            }
            PortalLogging.apply(context, PortalLogging.format(context));
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            @SuppressWarnings("unchecked")
            OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>)
                    root.getAppender(format == null ? "text" : format);
            assertThat(appender).as("the root logger writes through the " + format + " appender").isNotNull();
            Logger logger = context.getLogger("kr.jsoft.privacyportal.request");
            LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "GET {} 200", null,
                    new Object[] {"/ko/policy"});
            event.setMDCPropertyMap(Map.of(RequestLog.MDC_KEY, "req-test-1"));
            event.addKeyValuePair(new KeyValuePair("status", 200));
            return new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8).strip();
        } finally {
            context.stop();
        }
    }

    @Test
    void jsonFormatWritesOneObjectPerLineWithTheRequestId() throws Exception {
        String line = encodeWith("json");
        assertThat(line.lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("loggerName").asText()).isEqualTo("kr.jsoft.privacyportal.request");
        assertThat(json.get("formattedMessage").asText()).isEqualTo("GET /ko/policy 200");
        assertThat(json.get("mdc").get("requestId").asText()).isEqualTo("req-test-1");
        assertThat(json.toString()).contains("status");
    }

    @Test
    void textFormatIsTheDefaultAndCarriesTheRequestId() throws Exception {
        String line = encodeWith(null);
        assertThat(line).contains("GET /ko/policy 200").endsWith("[req req-test-1]").doesNotStartWith("{");
    }

    @Test
    void logbackFindsThePortalsSetUpWithoutAnyFile() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(PortalLogging.class);
        LoggerContext context = new LoggerContext();
        try {
            PortalLogging logging = new PortalLogging();
            logging.setContext(context);
            assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
            assertThat(context.getLogger("com.icegreen.greenmail").getEffectiveLevel()).isEqualTo(Level.WARN);
        } finally {
            context.stop();
        }
    }

    @Test
    void aConfigurationFileNamedOnTheCommandLineWins() {
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "bench/logback-quiet.xml");
        LoggerContext context = new LoggerContext();
        try {
            PortalLogging logging = new PortalLogging();
            logging.setContext(context);
            assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
        } finally {
            context.stop();
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }
}
