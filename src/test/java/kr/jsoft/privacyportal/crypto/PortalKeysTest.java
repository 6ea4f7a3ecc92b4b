package kr.jsoft.privacyportal.crypto;

import kr.jsoft.privacyportal.config.Mode;
import kr.jsoft.privacyportal.config.SettingsException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortalKeysTest {
    @TempDir
    Path dir;

    @Test
    void developmentCreatesEveryKeyInAFileOnlyItsOwnerCanRead() throws Exception {
        PortalKeys keys = PortalKeys.load(Mode.DEVELOPMENT, dir, Optional.empty());

        Path file = dir.resolve(PortalKeys.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(keys.secretKey(PortalKeys.PHONE_HASH, "HmacSHA256").getEncoded()).hasSize(32);
        assertThat(keys.ecKey(PortalKeys.SIGNING).isPrivate()).isTrue();
        assertThat(keys.publicSigningKeys().getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
    }

    @Test
    void developmentKeepsTheSameKeysAcrossRestarts() {
        PortalKeys first = PortalKeys.load(Mode.DEVELOPMENT, dir, Optional.empty());
        PortalKeys second = PortalKeys.load(Mode.DEVELOPMENT, dir, Optional.empty());

        assertThat(second.secretKey(PortalKeys.DATA_ENCRYPTION, "AES").getEncoded())
                .isEqualTo(first.secretKey(PortalKeys.DATA_ENCRYPTION, "AES").getEncoded());
    }

    @Test
    void productionRefusesToStartWithoutKeys() {
        assertThatThrownBy(() -> PortalKeys.load(Mode.PRODUCTION, dir, Optional.empty()))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("PORTAL_KEY_DIR: has no portal-keys.jwks");
        assertThat(dir.resolve(PortalKeys.FILE_NAME)).doesNotExist();
    }

    @Test
    void productionAcceptsGeneratedKeys() throws Exception {
        PortalKeys.generate(dir);

        assertThat(PortalKeys.load(Mode.PRODUCTION, dir, Optional.empty()).ecKey(PortalKeys.VAPID)).isNotNull();
    }

    @Test
    void generatingNeverOverwritesExistingKeys() throws Exception {
        PortalKeys.generate(dir);

        assertThatThrownBy(() -> PortalKeys.generate(dir)).hasMessageContaining("exists already");
    }

    @Test
    void productionRefusesAnIncompleteInlineKeySet() {
        assertThatThrownBy(() -> PortalKeys.load(Mode.PRODUCTION, dir, Optional.of("{\"keys\":[]}")))
                .hasMessage("PORTAL_KEYS: lacks the keys phone-hash, data-encryption, signing, vapid");
    }
}
