package kr.jsoft.privacyportal.web;

import java.net.URI;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The portal's public address, for links in mails and pages: {@code PORTAL_BASE_URL}, else this
 * server's own local address (known once the connector is bound). Whether it is https decides
 * the Secure cookie flags and HSTS.
 */
public final class PublicAddress {
    private final Optional<URI> configured;
    private final IntSupplier localPort;

    public PublicAddress(Optional<URI> configured, IntSupplier localPort) {
        this.configured = configured;
        this.localPort = localPort;
    }

    public URI uri() {
        return configured.orElseGet(() -> URI.create("http://localhost:" + localPort.getAsInt()));
    }

    /** The configured address only, when there is one. */
    public Optional<URI> configured() {
        return configured;
    }

    public boolean https() {
        return isHttps(configured);
    }

    public static boolean isHttps(Optional<URI> configured) {
        return configured.map(u -> "https".equals(u.getScheme())).orElse(false);
    }
}
