package kr.jsoft.privacyportal.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.regex.Pattern;

/**
 * Korean mobile numbers (prefixes 010, 011, 016, 017, 018, 019).
 *
 * <p>Accepts {@code 010-1234-5678}, {@code 01012345678}, {@code +82 10-1234-5678},
 * {@code +821012345678} and the like. Error messages never repeat the input.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int KOREA = 82;
    /** Only digits, spaces, hyphens, dots, parentheses and one leading plus: no letters or extensions. */
    private static final Pattern ALLOWED_CHARACTERS = Pattern.compile("\\+?[0-9 ()\\-.]{9,24}");
    /** National significant number: 10 + 8 digits, or 11/16/17/18/19 + 7 or 8 digits. */
    private static final Pattern MOBILE = Pattern.compile("10\\d{8}|1[16789]\\d{7,8}");
    private static final String NOT_A_MOBILE_NUMBER = "not a Korean mobile number";

    private PhoneNumbers() {
    }

    /** The canonical E.164 form, e.g. {@code +821012345678}. */
    public static String toE164(String number) {
        return "+" + KOREA + nationalSignificant(number);
    }

    /** The national form, digits only, e.g. {@code 01012345678} (what SENS expects). */
    public static String toNational(String number) {
        return "0" + nationalSignificant(number);
    }

    /** Whether {@code number} is a Korean mobile number in one of the accepted notations. */
    public static boolean isKoreanMobile(String number) {
        try {
            nationalSignificant(number);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String nationalSignificant(String number) {
        if (number == null) {
            throw new IllegalArgumentException(NOT_A_MOBILE_NUMBER);
        }
        String trimmed = number.strip();
        if (!ALLOWED_CHARACTERS.matcher(trimmed).matches()) {
            throw new IllegalArgumentException(NOT_A_MOBILE_NUMBER);
        }
        PhoneNumber parsed;
        try {
            parsed = UTIL.parse(trimmed, "KR");
        } catch (NumberParseException e) {
            // the library's message may quote the input: do not chain it
            throw new IllegalArgumentException(NOT_A_MOBILE_NUMBER);
        }
        String national = UTIL.getNationalSignificantNumber(parsed);
        if (parsed.getCountryCode() != KOREA
                || parsed.hasExtension()
                || parsed.hasItalianLeadingZero()
                || !MOBILE.matcher(national).matches()
                || !UTIL.isValidNumberForRegion(parsed, "KR")
                || UTIL.getNumberType(parsed) != PhoneNumberUtil.PhoneNumberType.MOBILE) {
            throw new IllegalArgumentException(NOT_A_MOBILE_NUMBER);
        }
        return national;
    }
}
