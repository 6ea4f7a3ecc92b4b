package kr.jsoft.privacyportal.sms;

import java.time.Instant;
import java.util.Objects;

/**
 * A message kept by {@link DevelopmentSmsInbox}. {@link #toString()} hides the number and the text
 * so that a message logged by mistake discloses neither.
 *
 * @param id     the id returned as the request id
 * @param to     the recipient in E.164, e.g. {@code +821012345678}
 * @param text   the message text
 * @param sentAt when it was "sent"
 */
public record SmsMessage(String id, String to, String text, Instant sentAt) {

    public SmsMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    @Override
    public String toString() {
        return "SmsMessage[id=" + id + ", sentAt=" + sentAt + "]";
    }
}
