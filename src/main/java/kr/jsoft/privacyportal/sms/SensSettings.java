package kr.jsoft.privacyportal.sms;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings for NAVER Cloud SENS (SMS API v2).
 *
 * @param baseUrl   API gateway, normally {@link #DEFAULT_BASE_URL}; the public-sector region is
 *                  {@code https://sens.apigw.gov-ntruss.com}; tests point it at a local fake
 * @param serviceId the SMS project's service id, e.g. {@code ncp:sms:kr:123456789012:portal}
 * @param accessKey the access key id
 * @param secretKey the secret key (never shown by {@link #toString()})
 * @param from      the registered sender number, digits only (hyphens are removed)
 */
public record SensSettings(URI baseUrl, String serviceId, String accessKey, String secretKey, String from) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://sens.apigw.ntruss.com");
    private static final Pattern SENDER = Pattern.compile("\\d{7,12}");

    public SensSettings {
        baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
        requireText(serviceId, "serviceId");
        requireText(accessKey, "accessKey");
        requireText(secretKey, "secretKey");
        requireText(from, "from");
        from = from.replace("-", "").strip();
        if (!SENDER.matcher(from).matches()) {
            throw new IllegalArgumentException("from must be the registered sender number, digits only");
        }
        String scheme = baseUrl.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL");
        }
        if (serviceId.contains("/") || serviceId.contains("?") || serviceId.contains("#")) {
            throw new IllegalArgumentException("serviceId must not contain '/', '?' or '#'");
        }
    }

    /** Settings for the default (commercial) SENS endpoint. */
    public static SensSettings of(String serviceId, String accessKey, String secretKey, String from) {
        return new SensSettings(DEFAULT_BASE_URL, serviceId, accessKey, secretKey, from);
    }

    /** The path that is both requested and signed: {@code /sms/v2/services/{serviceId}/messages}. */
    String messagesPath() {
        return "/sms/v2/services/" + serviceId + "/messages";
    }

    URI messagesUri() {
        String base = baseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + messagesPath());
    }

    @Override
    public String toString() {
        return "SensSettings[baseUrl=" + baseUrl + ", serviceId=" + serviceId + ", accessKey=" + accessKey
                + ", secretKey=***, from=" + from + "]";
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
