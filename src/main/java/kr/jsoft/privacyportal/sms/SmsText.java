package kr.jsoft.privacyportal.sms;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/** Size rules for the text of a single SMS (SENS type {@code SMS}: at most 90 bytes in EUC-KR). */
public final class SmsText {

    public static final int MAX_SMS_BYTES = 90;
    private static final Charset EUC_KR = Charset.forName("EUC-KR");

    private SmsText() {
    }

    /** Whether {@code text} fits one SMS; text that EUC-KR cannot encode (e.g. emoji) does not. */
    public static boolean fitsOneSms(String text) {
        if (text.isEmpty()) {
            return false;
        }
        CharsetEncoder encoder = EUC_KR.newEncoder();
        try {
            return encoder.encode(CharBuffer.wrap(text)).remaining() <= MAX_SMS_BYTES;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
