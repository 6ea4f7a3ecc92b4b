package kr.jsoft.privacyportal.sms;

/**
 * Sends one text message to one Korean mobile number.
 *
 * <p>Implementations never put the number or the text into a result, an exception or a log line.
 * A number that is not a Korean mobile number is answered with {@link SmsResult.Rejected} without
 * contacting any provider.
 */
public interface SmsGateway {

    /**
     * @param e164OrKoreanNumber a Korean mobile number, e.g. {@code +821012345678} or {@code 010-1234-5678}
     * @param text the message text
     * @return the outcome; never {@code null}
     */
    SmsResult send(String e164OrKoreanNumber, String text);
}
