package kr.jsoft.privacyportal.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A throw-away service account generated per test: no key files in the repository. */
public final class TestServiceAccount {

    public static final String PROJECT = "p";
    public static final String CLIENT_EMAIL = "portal@p.iam.gserviceaccount.com";
    public static final String KEY_ID = "0123456789abcdef";

    final KeyPair keys;

    public TestServiceAccount() throws NoSuchAlgorithmException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    public String json(URI tokenUri) throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", "service_account");
        m.put("project_id", PROJECT);
        m.put("private_key_id", KEY_ID);
        m.put("private_key", pem);
        m.put("client_email", CLIENT_EMAIL);
        m.put("client_id", "1234567890");
        m.put("token_uri", tokenUri.toString());
        return new ObjectMapper().writeValueAsString(m);
    }
}
