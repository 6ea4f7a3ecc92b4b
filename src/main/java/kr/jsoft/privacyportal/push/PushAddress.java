package kr.jsoft.privacyportal.push;

import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/** Where a device can be woken up. {@code toString()} never reveals the token or endpoint. */
public sealed interface PushAddress {

    /** A Firebase Cloud Messaging registration token (Android with Google Play services, iOS via FCM). */
    record FcmToken(String token) implements PushAddress {
        public FcmToken {
            Objects.requireNonNull(token, "token");
            if (token.isBlank() || token.length() > 4096) {
                throw new IllegalArgumentException("FCM token must be 1..4096 characters");
            }
        }

        @Override
        public String toString() {
            return "FcmToken[redacted]";
        }
    }

    /**
     * A Web Push (RFC 8030) subscription, e.g. from a UnifiedPush distributor: the endpoint,
     * the receiver's P-256 public key (65 bytes, uncompressed) and its 16-byte auth secret.
     */
    record WebPushSubscription(URI endpoint, byte[] p256dh, byte[] auth) implements PushAddress {
        public WebPushSubscription {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(p256dh, "p256dh");
            Objects.requireNonNull(auth, "auth");
            if (p256dh.length != 65 || p256dh[0] != 0x04) {
                throw new IllegalArgumentException("p256dh must be an uncompressed P-256 point (65 bytes)");
            }
            if (auth.length != 16) {
                throw new IllegalArgumentException("auth secret must be 16 bytes");
            }
            p256dh = p256dh.clone();
            auth = auth.clone();
        }

        @Override
        public byte[] p256dh() {
            return p256dh.clone();
        }

        @Override
        public byte[] auth() {
            return auth.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof WebPushSubscription s
                    && endpoint.equals(s.endpoint)
                    && Arrays.equals(p256dh, s.p256dh)
                    && Arrays.equals(auth, s.auth);
        }

        @Override
        public int hashCode() {
            return Objects.hash(endpoint, Arrays.hashCode(p256dh), Arrays.hashCode(auth));
        }

        @Override
        public String toString() {
            return "WebPushSubscription[redacted]";
        }
    }
}
