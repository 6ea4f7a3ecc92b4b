package kr.jsoft.privacyportal.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DevelopmentSmsInboxTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T03:00:00Z"), ZoneOffset.UTC);

    @Test
    void keepsMessagesNewestFirstAndFindsTheLatestToANumberInAnyNotation() {
        DevelopmentSmsInbox inbox = new DevelopmentSmsInbox(clock);

        SmsResult first = inbox.send("010-1234-5678", "first");
        inbox.send("+821099998888", "other");
        inbox.send("+82 10 1234 5678", "second");

        assertThat(first.kind()).isEqualTo(SmsResult.Kind.ACCEPTED);
        assertThat(inbox.recent()).extracting(SmsMessage::text).containsExactly("second", "other", "first");
        assertThat(inbox.recent().get(0).to()).isEqualTo("+821012345678");
        assertThat(inbox.latestTo("01012345678")).map(SmsMessage::text).contains("second");
        assertThat(inbox.latestTo("010-5555-6666")).isEmpty();
        assertThat(inbox.latestTo("not a number")).isEmpty();
    }

    @Test
    void isBounded() {
        DevelopmentSmsInbox inbox = new DevelopmentSmsInbox(clock, 3);
        for (int i = 0; i < 5; i++) {
            inbox.send("01012345678", "message " + i);
        }

        assertThat(inbox.recent()).extracting(SmsMessage::text).containsExactly("message 4", "message 3", "message 2");
        assertThat(new DevelopmentSmsInbox(clock).send("01012345678", "x").kind()).isEqualTo(SmsResult.Kind.ACCEPTED);
    }

    @Test
    void refusesWhatARealGatewayWouldRefuse() {
        DevelopmentSmsInbox inbox = new DevelopmentSmsInbox(clock);

        assertThat(inbox.send("02-1234-5678", "x").kind()).isEqualTo(SmsResult.Kind.REJECTED);
        assertThat(inbox.send("01012345678", "x".repeat(91)).kind()).isEqualTo(SmsResult.Kind.REJECTED);
        assertThat(inbox.recent()).isEmpty();
    }

    @Test
    void messagesDoNotShowNumberOrTextWhenPrinted() {
        DevelopmentSmsInbox inbox = new DevelopmentSmsInbox(clock);
        inbox.send("01012345678", "code 482913");

        assertThat(inbox.recent().get(0).toString()).doesNotContain("12345678").doesNotContain("482913");
    }

    @Test
    void acceptsConcurrentSenders() throws Exception {
        DevelopmentSmsInbox inbox = new DevelopmentSmsInbox(clock, 200);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        inbox.send("01012345678", "m");
                        inbox.recent();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(inbox.recent()).hasSize(200);
    }
}
