package kr.jsoft.privacyportal.command;

import com.nimbusds.jose.jwk.JWKSet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /.well-known/jwks.json}: the public halves of the portal's signing keys, so the app
 * (and anyone holding a receipt or a command) can verify what the portal signed.
 */
final class JwksServlet extends HttpServlet {
    public static final String PATH = "/.well-known/jwks.json";
    private final byte[] document;

    /** @param publicKeys public keys only ({@code PortalKeys.publicSigningKeys()}) */
    public JwksServlet(JWKSet publicKeys) {
        if (publicKeys.getKeys().stream().anyMatch(k -> k.isPrivate())) {
            throw new IllegalArgumentException("the JWKS must hold public keys only");
        }
        this.document = publicKeys.toString(true).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/jwk-set+json");
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }
}
