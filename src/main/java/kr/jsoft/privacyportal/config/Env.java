package kr.jsoft.privacyportal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads typed values from environment-style variables. Every reader fails with a
 * {@link SettingsException} that names the variable and what is wrong with it; secret
 * values are never echoed.
 */
public final class Env {
    private final Map<String, String> vars;

    public Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public Optional<String> optional(String name) {
        String value = vars.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public int integer(String name, int fallback, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw new SettingsException(name, "must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new SettingsException(name, "must be a whole number between " + min + " and " + max
                    + ", got '" + raw.get() + "'");
        }
    }

    /** Durations as ISO-8601 ({@code PT30M}) or a number with a unit: {@code 30s}, {@code 30m}, {@code 8h}, {@code 3d}. */
    public Duration duration(String name, Duration fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        String text = raw.get().toLowerCase(Locale.ROOT);
        try {
            Duration value;
            if (text.startsWith("p")) {
                value = Duration.parse(text.toUpperCase(Locale.ROOT));
            } else {
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                value = switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'd' -> Duration.ofDays(amount);
                    default -> throw new NumberFormatException();
                };
            }
            if (value.isNegative() || value.isZero()) {
                throw new SettingsException(name, "must be a positive duration, got '" + raw.get() + "'");
            }
            return value;
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new SettingsException(name, "must be a duration such as 30s, 15m, 8h, 90d or PT30M, got '"
                    + raw.get() + "'");
        }
    }

    /**
     * A duration the law bounds: longer than {@code max} is refused, naming the limit and {@code why}
     * (e.g. "PIPA Enforcement Decree Art. 43(3): the result within 10 days"), so no setting can stretch
     * a statutory deadline.
     */
    public Duration duration(String name, Duration fallback, Duration max, String why) {
        Duration value = duration(name, fallback);
        if (value.compareTo(max) > 0) {
            throw new SettingsException(name, "must be at most " + max.toDays() + " days (" + why + "), got '"
                    + optional(name).orElse("") + "'");
        }
        return value;
    }

    public boolean bool(String name, boolean fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new SettingsException(name, "must be true or false, got '" + raw.get() + "'");
        };
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type, E fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, raw.get().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new SettingsException(name, "must be one of " + allowed + ", got '" + raw.get() + "'");
        }
    }

    public Path path(String name, Path fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback.toAbsolutePath().normalize();
        }
        try {
            return Path.of(raw.get()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new SettingsException(name, "is not a valid path: " + e.getReason());
        }
    }

    /** An absolute http(s) URL without a trailing slash. */
    public Optional<URI> httpUrl(String name) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.get().replaceAll("/+$", ""));
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new SettingsException(name, "must be an absolute http:// or https:// URL, got '" + raw.get() + "'");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new SettingsException(name, "is not a valid URL: " + e.getReason());
        }
    }

    public String jdbcUrl(String name, String fallback) {
        String value = string(name, fallback);
        if (!value.startsWith("jdbc:h2:") && !value.startsWith("jdbc:postgresql:")) {
            throw new SettingsException(name, "must be a jdbc:h2: or jdbc:postgresql: URL");
        }
        return value;
    }
}
