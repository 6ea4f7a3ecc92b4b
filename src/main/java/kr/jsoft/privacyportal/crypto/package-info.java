/**
 * The portal's cryptographic primitives, each built on a library and keyed from the key set, so no feature
 * handles a raw key or a cipher mode.
 *
 * <ul>
 * <li>{@code PortalKeys}: the key set (lookup hash, data encryption, ES256 signing, VAPID) from
 *       {@code PORTAL_KEY_DIR/portal-keys.jwks} or {@code PORTAL_KEYS}; created only in development mode, never
 *       inside the data directory, so a database backup never carries the keys that open it.</li>
 * <li>{@code DataCipher}: AES-256-GCM for personal data at rest, one column value at a time. {@code
 *       sealText(value, context)} / {@code openText(sealed, context)}; the context (e.g. {@code
 *       "device.push:<id>"}) is bound as associated data, so a sealed value copied to another row does not
 *       open there. The key id prefix of each value lets keys rotate.</li>
 * <li>{@code KeyedHash}: HMAC-SHA-256 under a key outside the database, for looking personal data up (phone
 *       numbers, complainants' emails) without storing it in clear, and for short secrets such as SMS codes that a
 *       plain hash would not protect. Each use names its purpose, so hashes of one purpose never match
 *       another's.</li>
 * <li>{@code Es256} and {@code NativeP256}: ES256 for signing device commands and verifying signed device
 *       requests (receipts included). P-256 runs on AWS-LC (Amazon Corretto Crypto Provider) where its native library loads and
 *       passes its self-test, else on Bouncy Castle; JDK 17's generic EC code cost about 1 ms per signature, too
 *       much for the wake-up rate the command channel needs (figures in {@code bench/README.md}).
 *       {@code -Dportal.crypto.native=false} turns the native engine off.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.crypto;
