package kr.jsoft.privacyportal.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Optional;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel through which a command-line task reaches the running portal: a Unix-domain socket
 * {@code PORTAL_DATA_DIR/portal.sock}. Only the portal's own operating-system user can reach it: the data
 * directory is {@code 0700}, the socket {@code 0600}, and the portal checks the caller's user id
 * (SO_PEERCRED) before it runs anything. It is no network socket: nothing on another host, and no other
 * local account, can connect. One request per connection: the task's arguments as JSON, answered with its
 * exit status and output.
 */
public final class TaskSocket implements AutoCloseable {
    public static final String FILE_NAME = "portal.sock";
    private static final int MAX_REQUEST = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(TaskSocket.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a task answered: its exit status and what it wrote to standard output and standard error. */
    public record Reply(int status, String out, String err) {
    }

    /** Runs one task (its arguments, as typed) in the portal. */
    public interface Handler {
        Reply run(List<String> args);
    }

    private record Request(List<String> args) {
    }

    private final ServerSocketChannel server;
    private final Path file;
    private final UserPrincipal owner;
    private final Handler handler;
    private final Thread acceptor;

    private TaskSocket(ServerSocketChannel server, Path file, UserPrincipal owner, Handler handler) {
        this.server = server;
        this.file = file;
        this.owner = owner;
        this.handler = handler;
        this.acceptor = new Thread(this::accept, "task-socket");
        acceptor.setDaemon(true);
    }

    /**
     * Listens on {@code dataDir/portal.sock}; empty (with a warning) when the socket cannot be made, e.g. a path
     * longer than the system allows: the portal runs, and the tasks then say it holds the database.
     */
    public static Optional<TaskSocket> listen(Path dataDir, Handler handler) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            if (send(dataDir, List.of()).isPresent()) {
                log.warn("Another portal answers on {}: this one takes no command-line tasks", file);
                return Optional.empty();
            }
            // A socket file left by a portal that was killed.
            Files.deleteIfExists(file);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(file));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // The data directory's own access rules apply.
            }
            TaskSocket socket = new TaskSocket(server, file, Files.getOwner(file), handler);
            socket.acceptor.start();
            return Optional.of(socket);
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("No task socket at {} ({}): command-line tasks cannot reach this portal while it runs",
                    file, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Sends {@code args} to the portal listening in {@code dataDir} and returns its reply; empty when no portal
     * listens there (no socket file, or one left by a portal that is gone).
     */
    public static Optional<Reply> send(Path dataDir, List<String> args) throws IOException {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(file));
        } catch (ConnectException nobodyListens) {
            return Optional.empty();
        }
        try (channel) {
            channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(new Request(List.copyOf(args)))));
            channel.shutdownOutput();
            byte[] answer = Channels.newInputStream(channel).readAllBytes();
            if (answer.length == 0) {
                throw new IOException("the portal closed the task socket without an answer");
            }
            return Optional.of(JSON.readValue(answer, Reply.class));
        }
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread worker = new Thread(() -> serve(client), "task-socket-client");
                worker.setDaemon(true);
                worker.start();
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                log.warn("Task socket: {}", e.toString());
            }
        }
    }

    private void serve(SocketChannel client) {
        try (client) {
            UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
            if (!peer.user().equals(owner)) {
                // The directory's and socket's modes already keep others out; this holds even if someone loosens them.
                log.warn("Task socket: refused a connection from the user {}", peer.user().getName());
                return;
            }
            InputStream in = Channels.newInputStream(client);
            byte[] request = in.readNBytes(MAX_REQUEST + 1);
            if (request.length > MAX_REQUEST) {
                return;
            }
            List<String> args = JSON.readValue(request, Request.class).args();
            // An empty request is a probe (is a portal listening?): it runs nothing.
            Reply reply;
            try {
                reply = args.isEmpty() ? new Reply(0, "", "") : handler.run(args);
            } catch (RuntimeException e) {
                log.warn("Task socket: the task {} failed", args.get(0), e);
                reply = new Reply(1, "", "The task failed in the portal: " + e.getMessage() + " (see its log)");
            }
            client.write(ByteBuffer.wrap(JSON.writeValueAsBytes(reply)));
        } catch (IOException | RuntimeException e) {
            log.warn("Task socket: a task failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Task socket: {}", e.toString());
        }
    }
}
