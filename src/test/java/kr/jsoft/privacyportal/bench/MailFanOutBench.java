package kr.jsoft.privacyportal.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.spec.SecretKeySpec;
import kr.jsoft.privacyportal.mail.MailDispatcher;
import kr.jsoft.privacyportal.subscription.NoticeFanOut;
import kr.jsoft.privacyportal.subscription.NoticeMailer;
import kr.jsoft.privacyportal.subscription.NoticeSubscriptions;
import kr.jsoft.privacyportal.subscription.RevisionNotice;
import kr.jsoft.privacyportal.subscription.SubscriberSeeder;
import kr.jsoft.privacyportal.testing.MailTestbed;
import kr.jsoft.privacyportal.web.Lang;

/**
 * A revision notice fanned out to N subscribers and sent into a local SMTP sink, once per
 * connection count. Run by {@code bench/mail-fanout.sh}; not part of {@code verify}.
 * Arguments: subscribers, SMTP port, connection counts (e.g. {@code 100000 2525 1,8}).
 */
public final class MailFanOutBench {
    public static void main(String[] args) throws Exception {
        int subscribers = Integer.parseInt(args[0]);
        int port = Integer.parseInt(args[1]);
        String[] connectionCounts = args[2].split(",");
        Path dir = Files.createTempDirectory("mail-bench");
        int maxConnections = 0;
        for (String c : connectionCounts) {
            maxConnections = Math.max(maxConnections, Integer.parseInt(c));
        }
        try (MailTestbed bed = new MailTestbed(dir, Map.of("PORTAL_SMTP_PORT", Integer.toString(port),
                "PORTAL_MAIL_CONNECTIONS", Integer.toString(maxConnections)))) {
            bed.stopSmtp(); // the sink given on the command line receives, not GreenMail
            NoticeSubscriptions subscriptions = new NoticeSubscriptions(bed.database, bed.outbox, bed.rateLimiter,
                    bed.auditLog, bed.cipher, new SecretKeySpec(new byte[32], "HmacSHA256"), new SecureRandom(),
                    bed.clock, bed.erasureJournal);
            long t0 = System.nanoTime();
            SubscriberSeeder.seed(bed.database, subscriptions, subscribers, bed.clock.instant());
            System.out.printf("seeded %,d confirmed subscribers in %.1f s%n", subscribers, seconds(t0));
            NoticeMailer mailer = new NoticeMailer(bed.outbox, bed.auditLog, bed.clock);
            NoticeFanOut fanOut = new NoticeFanOut(bed.database, bed.outbox, subscriptions, bed.auditLog, bed.clock);
            for (String count : connectionCounts) {
                int connections = Integer.parseInt(count);
                resetPeaks();
                String revision = "bench-" + connections;
                bed.database.inTransaction(s -> mailer.revisionScheduled(s, new RevisionNotice(revision,
                        LocalDate.of(2027, 1, 1),
                        Map.of(Lang.KO, "2027년 1월 개정", Lang.EN, "January 2027 revision"),
                        Map.of(Lang.KO, "보관 기간이 줄어듭니다. ".repeat(10), Lang.EN, "Records are kept shorter. ".repeat(10)),
                        Map.of(Lang.KO, "/ko/policy/2027-01", Lang.EN, "/en/policy/2027-01"),
                        Map.of(Lang.KO, "/ko/policy/2027-01/changes", Lang.EN, "/en/policy/2027-01/changes"))));
                long start = System.nanoTime();
                int enqueued = fanOut.runDue();
                double fanOutSeconds = seconds(start);
                long sendStart = System.nanoTime();
                ExecutorService threads = Executors.newFixedThreadPool(connections);
                List<Future<Integer>> done = new ArrayList<>();
                for (int i = 0; i < connections; i++) {
                    MailDispatcher dispatcher = bed.dispatcher();
                    done.add(threads.submit(dispatcher::dispatchUntilIdle));
                }
                int sent = 0;
                for (Future<Integer> f : done) {
                    sent += f.get();
                }
                threads.shutdown();
                double sendSeconds = seconds(sendStart);
                double total = seconds(start);
                System.out.printf("connections=%d fan-out: %,d mails enqueued in %.1f s (%,.0f/s); sent %,d in %.1f s"
                                + " = %,.0f msg/s; end to end %,.0f msg/s; peak heap %,d MB (max %,d MB)%n",
                        connections, enqueued, fanOutSeconds, enqueued / fanOutSeconds, sent, sendSeconds,
                        sent / sendSeconds, sent / total, peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static final java.util.concurrent.atomic.AtomicLong PEAK = new java.util.concurrent.atomic.AtomicLong();

    static {
        // Samples heap use (live data and not yet collected garbage) every 50 ms.
        Thread sampler = new Thread(() -> {
            while (true) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                PEAK.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static void resetPeaks() {
        System.gc();
        PEAK.set(0);
    }

    private static long peakHeapMb() {
        return PEAK.get() >> 20;
    }
}
