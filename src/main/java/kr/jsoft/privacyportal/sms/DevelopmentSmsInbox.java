package kr.jsoft.privacyportal.sms;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Development-mode {@link SmsGateway}: keeps the last {@code capacity} messages in memory so that
 * signed-in managers can read them in the portal, and sends nothing. Thread-safe. Logs nothing.
 */
public final class DevelopmentSmsInbox implements SmsGateway {

    public static final int DEFAULT_CAPACITY = 200;

    private final Clock clock;
    private final int capacity;
    private final Deque<SmsMessage> messages = new ArrayDeque<>();

    public DevelopmentSmsInbox(Clock clock) {
        this(clock, DEFAULT_CAPACITY);
    }

    public DevelopmentSmsInbox(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = capacity;
    }

    @Override
    public SmsResult send(String e164OrKoreanNumber, String text) {
        if (!PhoneNumbers.isKoreanMobile(e164OrKoreanNumber)) {
            return new SmsResult.Rejected(0, "not a Korean mobile number");
        }
        if (text == null || !SmsText.fitsOneSms(text)) {
            return new SmsResult.Rejected(0, "text is empty, not EUC-KR or longer than 90 bytes");
        }
        SmsMessage message = new SmsMessage("dev-" + UUID.randomUUID(),
                PhoneNumbers.toE164(e164OrKoreanNumber), text, clock.instant());
        synchronized (messages) {
            messages.addFirst(message);
            while (messages.size() > capacity) {
                messages.removeLast();
            }
        }
        return new SmsResult.Accepted(message.id());
    }

    /** The kept messages, newest first. */
    public List<SmsMessage> recent() {
        synchronized (messages) {
            return List.copyOf(new ArrayList<>(messages));
        }
    }

    /** The newest kept message to {@code number} (any accepted notation); empty for a non-mobile number. */
    public Optional<SmsMessage> latestTo(String number) {
        if (!PhoneNumbers.isKoreanMobile(number)) {
            return Optional.empty();
        }
        String e164 = PhoneNumbers.toE164(number);
        synchronized (messages) {
            for (SmsMessage message : messages) {
                if (message.to().equals(e164)) {
                    return Optional.of(message);
                }
            }
        }
        return Optional.empty();
    }
}
