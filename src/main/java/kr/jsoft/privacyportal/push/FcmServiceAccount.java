package kr.jsoft.privacyportal.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The parts of a Google service-account JSON key that FCM HTTP v1 needs. {@code toString()}
 * never shows the private key.
 */
public record FcmServiceAccount(String projectId, String privateKeyId, RSAPrivateKey privateKey,
        String clientEmail, URI tokenUri) {

    public FcmServiceAccount {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(privateKeyId, "privateKeyId");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(clientEmail, "clientEmail");
        Objects.requireNonNull(tokenUri, "tokenUri");
        if (!projectId.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("project_id has an unexpected form");
        }
    }

    /**
     * Reads {@code project_id}, {@code private_key_id}, {@code private_key} (PKCS#8 PEM),
     * {@code client_email} and {@code token_uri}.
     *
     * @throws IllegalArgumentException if a field is missing or the key cannot be read; the
     *     message never contains key material
     */
    public static FcmServiceAccount parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("service account is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("service account is not a JSON object");
        }
        return new FcmServiceAccount(text(root, "project_id"), text(root, "private_key_id"),
                readPkcs8(text(root, "private_key")), text(root, "client_email"),
                URI.create(text(root, "token_uri")));
    }

    /** The same account with another token endpoint (tests, proxies). */
    public FcmServiceAccount withTokenUri(URI uri) {
        return new FcmServiceAccount(projectId, privateKeyId, privateKey, clientEmail, uri);
    }

    @Override
    public String toString() {
        return "FcmServiceAccount[projectId=" + projectId + ", privateKeyId=" + privateKeyId
                + ", clientEmail=" + clientEmail + ", tokenUri=" + tokenUri + "]";
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new IllegalArgumentException("service account lacks " + field);
        }
        return n.asText();
    }

    private static RSAPrivateKey readPkcs8(String pem) {
        String b64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("service account private_key is not a PKCS#8 RSA key");
        }
    }
}
