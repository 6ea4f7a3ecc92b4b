package kr.jsoft.privacyportal.manager;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import io.nayuki.qrcodegen.QrCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.OptionalLong;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 TOTP (SHA-1, 6 digits, 30 s, the parameters every authenticator app supports)
 * against the portal's clock. A code is accepted for the previous, current and next time
 * step, and only for a step later than the last one accepted, so no code works twice.
 */
final class Totp {
    static final int PERIOD_SECONDS = 30;
    static final int DIGITS = 6;
    static final String ISSUER = "Smart Callback privacy portal";
    private final CodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);
    private final Clock clock;
    private final SecureRandom random;

    Totp(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** 160 random bits, Base32 as authenticator apps expect. */
    String newSecret() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    long currentStep() {
        return Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
    }

    /** The time step the code belongs to, if it is right and newer than {@code lastAcceptedStep}. */
    OptionalLong verify(String secret, String code, long lastAcceptedStep) {
        if (code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        byte[] given = code.strip().getBytes(StandardCharsets.US_ASCII);
        long now = currentStep();
        OptionalLong accepted = OptionalLong.empty();
        for (long step = now - 1; step <= now + 1; step++) {
            boolean equal = MessageDigest.isEqual(given, generate(secret, step).getBytes(StandardCharsets.US_ASCII));
            if (equal && step > lastAcceptedStep && accepted.isEmpty()) {
                accepted = OptionalLong.of(step);
            }
        }
        return accepted;
    }

    String generate(String secret, long step) {
        try {
            return generator.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code otpauth://} URI that authenticator apps read from the QR code. */
    static String uri(String secret, String accountLabel) {
        return new QrData.Builder().label(accountLabel).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(DIGITS).period(PERIOD_SECONDS).build().getUri();
    }

    /** The URI as a QR code, an SVG {@code data:} URI (the CSP allows data: images, no scripts needed). */
    static String qrCodeDataUri(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 4;
        int size = qr.size + border * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000000\"/></svg>";
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }
}
