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

    /**
     * The code that proves the number for a destruction request without the device. It must say
     * what typing it does (deletes all Smart Callback data), not read like a registration code, and
     * tell someone who did not ask to ignore it. 87 bytes in EUC-KR: within one SMS (90 bytes).
     */
    /** The rights page's code: says what it is for (within the 90 EUC-KR bytes of one SMS), so a code nobody asked for can be ignored. */
    static String rightsText(String code) {
        return "[Smart Callback] 내 정보·권리 확인코드 " + code + " (10분 유효). 본인이 아니면 무시하세요";
    }

    static String destructionText(String code) {
        return "[Smart Callback] 데이터 전부 삭제 확인코드 " + code + " (10분 유효). 본인이 아니면 무시하세요";
    }
}
