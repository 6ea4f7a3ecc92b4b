package kr.jsoft.privacyportal.device;

import java.security.SecureRandom;

/** The one-time registration code and the SMS that carries it. */
final class SmsCode {
    static final int DIGITS = 6;

    private SmsCode() {
    }

    static String generate(SecureRandom random) {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    static boolean wellFormed(String code) {
        return code != null && code.matches("[0-9]{" + DIGITS + "}");
    }

    /** 44 bytes in EUC-KR: within one SMS (90 bytes). */
    static String text(String code) {
        return "[Smart Callback] 인증번호 " + code + " (10분 유효)";
    }
}
