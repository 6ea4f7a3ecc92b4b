package kr.jsoft.privacyportal.device;

import kr.jsoft.privacyportal.sms.PhoneNumbers;

/** A Korean mobile number as the dashboard shows it: prefix and last four digits only, e.g. {@code 010-****-5678}. */
final class MaskedNumber {
    private MaskedNumber() {
    }

    /** The masked national form; {@code ***} for anything that is not a Korean mobile number. */
    static String of(String number) {
        if (!PhoneNumbers.isKoreanMobile(number)) {
            return "***";
        }
        String national = PhoneNumbers.toNational(number);
        String prefix = national.substring(0, 3);
        String last = national.substring(national.length() - 4);
        return prefix + "-" + "*".repeat(national.length() - 7) + "-" + last;
    }
}
