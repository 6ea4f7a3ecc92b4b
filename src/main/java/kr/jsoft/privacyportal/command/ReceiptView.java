package kr.jsoft.privacyportal.command;

import java.time.Instant;

/**
 * A stored receipt: its type, when it arrived, the device's {@code Device-Signature} JWS, the
 * signed body and its SHA-256 (base64url), and the device key to check the signature with.
 */
public record ReceiptView(String type, Instant receivedAt, String deviceSignature, String body, String bodyDigest,
                          String deviceKey) {
}
