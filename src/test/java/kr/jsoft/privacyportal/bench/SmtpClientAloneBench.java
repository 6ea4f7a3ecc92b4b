package kr.jsoft.privacyportal.bench;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Jakarta Mail (Angus) alone, as a yardstick for {@code bench/mail-fanout.sh}: each of N threads holds
 * one SMTP connection and sends its share of the mails, each a 4 kB ASCII text mail built anew, with
 * nothing else (no database, no templates, no marks). Four rounds, so the later ones are warm.
 * Arguments: SMTP port, connections, mails per round; {@code -Dbench.writeTimeout=true} sets Angus's
 * write timeout as the portal does before it shared one scheduler.
 * Not part of {@code verify}; run with the class path {@code bench/mail-fanout.sh} writes:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
 * kr.jsoft.privacyportal.bench.SmtpClientAloneBench 2525 8 40000}
 */
public final class SmtpClientAloneBench {
    public static void main(String[] args) throws Exception {
        int connections = Integer.parseInt(args[1]);
        int mails = Integer.parseInt(args[2]);
        System.getProperties().putIfAbsent(jakarta.mail.util.StreamProvider.class.getName(),
                org.eclipse.angus.mail.util.MailStreamProvider.class.getName());
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", args[0]);
        if (Boolean.getBoolean("bench.writeTimeout")) {
            props.put("mail.smtp.writetimeout", "30000");
        }
        Session session = Session.getInstance(props);
        String body = "Records are kept shorter. 0123456789 abcdefghij\n".repeat(85);
        for (int round = 1; round <= 4; round++) {
            long start = System.nanoTime();
            long cpuStart = cpuNanos();
            ExecutorService threads = Executors.newFixedThreadPool(connections);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                done.add(threads.submit(() -> {
                    try (Transport transport = session.getTransport("smtp")) {
                        transport.connect();
                        for (int i = 0; i < mails / connections; i++) {
                            MimeMessage message = new MimeMessage(session);
                            message.setFrom(new InternetAddress("privacy@bench.example"));
                            message.setRecipient(Message.RecipientType.TO, new InternetAddress("someone" + i + "@bench.example"));
                            message.setSubject("January 2027 revision", "UTF-8");
                            message.setText(body, "UTF-8");
                            message.saveChanges();
                            transport.sendMessage(message, message.getAllRecipients());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            threads.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %d connections, %,d mails in %.2f s = %,.0f msg/s, %.3f ms CPU per mail%n",
                    round, connections, mails, seconds, mails / seconds, (cpuNanos() - cpuStart) / 1e6 / mails);
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
