package kr.jsoft.privacyportal.crypto;

import kr.jsoft.privacyportal.config.Mode;
import kr.jsoft.privacyportal.config.SettingsException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's secret keys, kept as one JWK set in {@code PORTAL_KEY_DIR/portal-keys.jwks}
 * (outside the data directory and out of its backups), or given whole in {@code PORTAL_KEYS}.
 * Development mode creates missing keys; production refuses to start without them.
 */
public final class PortalKeys {
    static final String FILE_NAME = "portal-keys.jwks";
    /** Keyed hash of phone numbers (HMAC-SHA-256): lookup without storing the number. */
    public static final String PHONE_HASH = "phone-hash";
    /** AES-256-GCM key for personal data encrypted at rest. */
    public static final String DATA_ENCRYPTION = "data-encryption";
    /** ES256 key that signs commands, certificates and audit-chain heads; public half in the JWKS. */
    public static final String SIGNING = "signing";
    /** ES256 key pair that identifies the portal to Web Push services (VAPID, RFC 8292). */
    public static final String VAPID = "vapid";
    static final List<String> REQUIRED = List.of(PHONE_HASH, DATA_ENCRYPTION, SIGNING, VAPID);

    private static final Logger log = LoggerFactory.getLogger(PortalKeys.class);
    private final JWKSet keys;

    private PortalKeys(JWKSet keys) {
        this.keys = keys;
    }

    public static PortalKeys load(Mode mode, Path keyDir, Optional<String> inline) {
        try {
            if (inline.isPresent()) {
                return require(JWKSet.parse(inline.get()), "PORTAL_KEYS");
            }
            Path file = keyDir.resolve(FILE_NAME);
            if (Files.exists(file)) {
                JWKSet set = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (mode.isProduction()) {
                    return require(set, "PORTAL_KEY_DIR");
                }
                return new PortalKeys(complete(set, file));
            }
            if (mode.isProduction()) {
                throw new SettingsException("PORTAL_KEY_DIR", "has no " + FILE_NAME + " (production never creates keys;"
                        + " run 'java -jar privacy-portal.jar keys generate' once and keep the file safe)");
            }
            return new PortalKeys(complete(new JWKSet(), file));
        } catch (ParseException e) {
            throw new SettingsException(inline.isPresent() ? "PORTAL_KEYS" : "PORTAL_KEY_DIR",
                    "holds a key set that is not valid JWK JSON");
        } catch (IOException e) {
            throw new SettingsException("PORTAL_KEY_DIR", "cannot be read or written: " + e.getMessage());
        }
    }

    /** Writes a complete new key set to {@code keyDir}; refuses to overwrite one. */
    public static Path generate(Path keyDir) throws IOException {
        Path file = keyDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            throw new IOException(file + " exists already; keys are never replaced silently");
        }
        complete(new JWKSet(), file);
        return file;
    }

    private static PortalKeys require(JWKSet set, String setting) {
        List<String> missing = REQUIRED.stream().filter(id -> set.getKeyByKeyId(id) == null).toList();
        if (!missing.isEmpty()) {
            throw new SettingsException(setting, "lacks the keys " + String.join(", ", missing));
        }
        return new PortalKeys(set);
    }

    private static JWKSet complete(JWKSet set, Path file) throws IOException {
        List<JWK> all = new ArrayList<>(set.getKeys());
        boolean added = false;
        for (String id : REQUIRED) {
            if (set.getKeyByKeyId(id) == null) {
                all.add(newKey(id));
                added = true;
            }
        }
        JWKSet result = new JWKSet(all);
        if (added) {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
            Path tmp = Files.createTempFile(dir, "keys", ".tmp");
            restrict(tmp, "rw-------");
            Files.writeString(tmp, result.toString(false), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            log.warn("Created portal keys in {} (development mode). Keep this file out of backups of the data.", file);
        }
        return result;
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Non-POSIX file systems rely on the directory's own access rules.
        }
    }

    private static JWK newKey(String id) {
        try {
            return switch (id) {
                case PHONE_HASH, DATA_ENCRYPTION -> new OctetSequenceKeyGenerator(256).keyID(id).generate();
                case SIGNING, VAPID -> new ECKeyGenerator(Curve.P_256).keyID(id).keyUse(KeyUse.SIGNATURE).generate();
                default -> throw new IllegalArgumentException(id);
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate key " + id, e);
        }
    }

    public SecretKey secretKey(String id, String algorithm) {
        try {
            return ((OctetSequenceKey) keys.getKeyByKeyId(id)).toSecretKey(algorithm);
        } catch (ClassCastException e) {
            throw new IllegalStateException("key " + id + " is not a symmetric key", e);
        }
    }

    public ECKey ecKey(String id) {
        return (ECKey) keys.getKeyByKeyId(id);
    }

    /** The public halves that anyone may see (served at /.well-known/jwks.json). */
    public JWKSet publicSigningKeys() {
        return new JWKSet(ecKey(SIGNING).toPublicJWK());
    }
}
