package kr.jsoft.privacyportal.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import kr.jsoft.privacyportal.config.Env;
import kr.jsoft.privacyportal.config.Mode;
import kr.jsoft.privacyportal.config.SettingsException;

/**
 * The mail settings ({@code PORTAL_SMTP_*}, {@code PORTAL_MAIL_*}). With no SMTP host in
 * development mode the portal receives its own mail in an embedded GreenMail server;
 * production refuses to start without a host, a sender and the manager's alert address.
 */
public record MailSettings(
        Optional<String> smtpHost,
        int smtpPort,
        Security security,
        Optional<String> smtpUser,
        Optional<String> smtpPassword,
        InternetAddress from,
        Optional<InternetAddress> replyTo,
        InternetAddress managerAlert,
        Duration retention,
        int maxAttempts,
        int connections,
        Optional<SmtpOperator> smtpOperator) {

    /**
     * Who operates the SMTP relay ({@code PORTAL_SMTP_OPERATOR}, {@code PORTAL_SMTP_OPERATOR_COUNTRY},
     * {@code PORTAL_SMTP_OPERATOR_CONTACT}): a consignee the privacy policy must name (PIPA Art. 26),
     * and an overseas transfer when the country is not KR. The policy self-check compares it.
     */
    public record SmtpOperator(String name, String country, Optional<String> contact) {
    }

    /** How the SMTP connection is protected. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS, which is required (port 587). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        SMTPS,
        /** No TLS: only for a relay on the same host or the development stand-in. */
        NONE;

        int defaultPort() {
            return switch (this) {
                case STARTTLS -> 587;
                case SMTPS -> 465;
                case NONE -> 25;
            };
        }
    }

    public static MailSettings fromEnvironment(Env env, Mode mode) {
        Optional<String> host = env.optional("PORTAL_SMTP_HOST");
        Security security = env.enumValue("PORTAL_SMTP_SECURITY", Security.class, Security.STARTTLS);
        int port = env.integer("PORTAL_SMTP_PORT", security.defaultPort(), 1, 65535);
        Optional<String> user = env.optional("PORTAL_SMTP_USER");
        Optional<String> password = env.optional("PORTAL_SMTP_PASSWORD");
        if (user.isPresent() != password.isPresent()) {
            throw new SettingsException(user.isPresent() ? "PORTAL_SMTP_PASSWORD" : "PORTAL_SMTP_USER",
                    "is required together with " + (user.isPresent() ? "PORTAL_SMTP_USER" : "PORTAL_SMTP_PASSWORD"));
        }
        Optional<InternetAddress> from = address(env, "PORTAL_MAIL_FROM");
        Optional<InternetAddress> replyTo = address(env, "PORTAL_MAIL_REPLY_TO");
        Optional<InternetAddress> managerAlert = address(env, "PORTAL_MANAGER_ALERT_EMAIL");
        Duration retention = env.duration("PORTAL_MAIL_RETENTION", Duration.ofDays(30));
        int maxAttempts = env.integer("PORTAL_MAIL_MAX_ATTEMPTS", 8, 1, 100);
        int connections = env.integer("PORTAL_MAIL_CONNECTIONS", 4, 1, 32);
        Optional<String> operatorName = env.optional("PORTAL_SMTP_OPERATOR");
        String operatorCountry = env.string("PORTAL_SMTP_OPERATOR_COUNTRY", "KR").toUpperCase(Locale.ROOT);
        if (!operatorCountry.matches("[A-Z]{2}")) {
            throw new SettingsException("PORTAL_SMTP_OPERATOR_COUNTRY", "must be a two-letter country code (ISO 3166-1)");
        }
        Optional<SmtpOperator> operator = operatorName.map(name -> new SmtpOperator(name, operatorCountry,
                env.optional("PORTAL_SMTP_OPERATOR_CONTACT")));
        if (mode.isProduction()) {
            // Production has no stand-in: mail that cannot be sent would silently pile up.
            require(host.isPresent(), "PORTAL_SMTP_HOST", "is required in production mode (the SMTP relay)");
            require(from.isPresent(), "PORTAL_MAIL_FROM", "is required in production mode (the sender address)");
            require(managerAlert.isPresent(), "PORTAL_MANAGER_ALERT_EMAIL",
                    "is required in production mode (where the privacy manager's alerts go)");
            require(security != Security.NONE || isLocal(host.get()), "PORTAL_SMTP_SECURITY",
                    "none is allowed in production mode only for a relay on localhost");
        }
        // Development defaults: the embedded mailbox accepts any address.
        InternetAddress sender = from.orElseGet(() -> parse("PORTAL_MAIL_FROM", "privacy-portal@localhost"));
        InternetAddress manager = managerAlert.orElseGet(() -> parse("PORTAL_MANAGER_ALERT_EMAIL",
                "privacy-manager@localhost"));
        return new MailSettings(host, port, security, user, password, sender, replyTo, manager, retention,
                maxAttempts, connections, operator);
    }

    /** Mail leaves through a relay on another machine: someone operates it for jsoft. */
    public boolean relaysThroughAnotherHost() {
        return smtpHost.isPresent() && !isLocal(smtpHost.get());
    }

    /** Development mode without a configured relay: mail goes to the embedded GreenMail server. */
    public boolean usesDevelopmentMailbox() {
        return smtpHost.isEmpty();
    }

    private static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("::1");
    }

    private static void require(boolean condition, String setting, String problem) {
        if (!condition) {
            throw new SettingsException(setting, problem);
        }
    }

    private static Optional<InternetAddress> address(Env env, String name) {
        return env.optional(name).map(value -> parse(name, value));
    }

    private static InternetAddress parse(String name, String value) {
        try {
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new SettingsException(name, "is not a valid email address");
        }
    }

    @Override
    public String toString() {
        // Never print the password.
        return "MailSettings[smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", security=" + security
                + ", user=" + smtpUser.isPresent() + ", retention=" + retention + ", maxAttempts=" + maxAttempts
                + ", connections=" + connections + "]";
    }
}
