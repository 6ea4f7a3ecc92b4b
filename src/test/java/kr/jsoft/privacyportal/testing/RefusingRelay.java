package kr.jsoft.privacyportal.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP relay that answers every command as a real one would but refuses every recipient with
 * the reply it was given (e.g. {@code 451 4.3.0 try again later} or {@code 550 5.1.1 no such
 * user}): what a relay that is up but will not take a mail looks like to the portal. GreenMail
 * accepts everything, so it cannot stand in here.
 */
public final class RefusingRelay implements AutoCloseable {
    private final ServerSocket server;
    private final String refusal;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "refusing-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger refused = new AtomicInteger();

    public RefusingRelay(int port, String refusal) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.refusal = refusal;
        threads.execute(this::accept);
    }

    /** An ephemeral port ({@code 0}) picks a free one. */
    public int port() {
        return server.getLocalPort();
    }

    /** How many recipients it refused. */
    public int refused() {
        return refused.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> converse(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                     StandardCharsets.US_ASCII));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), false, StandardCharsets.US_ASCII)) {
            reply(out, "220 refusing.relay.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 refusing.relay.test");
                    case "RCPT" -> {
                        refused.incrementAndGet();
                        reply(out, refusal);
                    }
                    case "DATA" -> reply(out, "554 5.5.1 no valid recipients");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> reply(out, "250 2.0.0 OK"); // MAIL, RSET, NOOP
                }
            }
        } catch (IOException gone) {
            // The client hung up; nothing to clean.
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
