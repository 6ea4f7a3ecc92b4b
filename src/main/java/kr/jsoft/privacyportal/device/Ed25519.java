package kr.jsoft.privacyportal.device;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Pure Ed25519 (RFC 8032) with Bouncy Castle's lightweight API. */
final class Ed25519 {

    private Ed25519() {
    }

    static byte[] sign(byte[] privateKey, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(privateKey, 0));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE || signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        try {
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        } catch (IllegalArgumentException e) {
            return false;
        }
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
