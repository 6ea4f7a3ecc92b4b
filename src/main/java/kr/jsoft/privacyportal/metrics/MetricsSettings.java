package kr.jsoft.privacyportal.metrics;

import java.util.Optional;
import kr.jsoft.privacyportal.config.Env;
import kr.jsoft.privacyportal.config.SettingsException;

/**
 * Where the Prometheus endpoint listens: {@code PORTAL_METRICS_PORT} (unset: no endpoint;
 * {@code 0}: a free port) on {@code PORTAL_METRICS_HOST} (default {@code 127.0.0.1}); and the
 * log format ({@code PORTAL_LOG_FORMAT}, read by logback itself, checked here so a typo stops
 * start-up instead of silencing the log).
 */
public record MetricsSettings(Optional<Integer> port, String host, LogFormat logFormat) {

    public enum LogFormat { TEXT, JSON }

    public static MetricsSettings fromEnvironment(Env env) {
        Optional<Integer> port = env.optional("PORTAL_METRICS_PORT").isPresent()
                ? Optional.of(env.integer("PORTAL_METRICS_PORT", 0, 0, 65535)) : Optional.empty();
        String host = env.string("PORTAL_METRICS_HOST", "127.0.0.1");
        String format = env.string("PORTAL_LOG_FORMAT", "text");
        LogFormat logFormat = switch (format) {
            case "text" -> LogFormat.TEXT;
            case "json" -> LogFormat.JSON;
            default -> throw new SettingsException("PORTAL_LOG_FORMAT", "must be text or json");
        };
        return new MetricsSettings(port, host, logFormat);
    }
}
