package kr.jsoft.privacyportal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import kr.jsoft.privacyportal.PortalServer;
import kr.jsoft.privacyportal.Settings;
import kr.jsoft.privacyportal.persistence.DatabaseSettings;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real portal for one test class: started through the same factory as {@code main}, on
 * port 0, with a fresh data directory, key directory and database, and a clock the test
 * controls. Register with {@code @RegisterExtension static PortalFixture portal = PortalFixture.builder().build();}
 */
public final class PortalFixture implements BeforeAllCallback, AfterAllCallback {
    /** Tests start in a fixed, known instant. */
    public static final Instant START = Instant.parse("2026-11-30T03:00:00Z");

    private final Map<String, String> overrides;
    private final Consumer<ServletContextHandler> extraRoutes;
    private final MutableClock clock;
    /** Another fixture whose database and keys this one uses (a second instance of the same portal), or null. */
    private final PortalFixture sharedWith;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Path root;
    private TestDatabase database;
    private PortalServer server;

    private PortalFixture(Map<String, String> overrides, Consumer<ServletContextHandler> extraRoutes,
                          MutableClock clock, PortalFixture sharedWith) {
        this.overrides = overrides;
        this.extraRoutes = extraRoutes;
        this.clock = clock;
        this.sharedWith = sharedWith;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, String> overrides = new HashMap<>();
        private Consumer<ServletContextHandler> extraRoutes = context -> { };
        private MutableClock clock;
        private PortalFixture sharedWith;

        public Builder setting(String name, String value) {
            overrides.put(name, value);
            return this;
        }

        public Builder extraRoutes(Consumer<ServletContextHandler> routes) {
            this.extraRoutes = routes;
            return this;
        }

        /**
         * Another instance of {@code first}'s portal: same database (H2 file or PostgreSQL schema) and
         * key directory, its own data directory and port. {@code first} must start before this one
         * (give both {@code @Order}); this one never drops the database.
         */
        public Builder sharingDatabaseWith(PortalFixture first) {
            this.sharedWith = first;
            return this;
        }

        /** The clock this portal runs on (instances of one deployment can share one); default: its own. */
        public Builder clock(MutableClock clock) {
            this.clock = clock;
            return this;
        }

        public PortalFixture build() {
            return new PortalFixture(Map.copyOf(overrides), extraRoutes, clock != null ? clock : new MutableClock(START),
                    sharedWith);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public void start() throws Exception {
        root = Files.createTempDirectory("portal-test");
        if (sharedWith == null) {
            database = TestDatabase.create(root);
        } else if (sharedWith.root == null) {
            throw new IllegalStateException("start the fixture whose database this one shares first (@Order)");
        }
        server = PortalServer.create(Settings.fromEnvironment(environment()), clock, extraRoutes);
        server.start();
    }

    /** The settings this portal was started with: fresh folders, port 0, the test database. */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PORTAL_PORT", "0");
        env.put("PORTAL_DATA_DIR", root.resolve("data").toString());
        env.put("PORTAL_KEY_DIR", root.resolve("keys").toString());
        if (sharedWith == null) {
            env.putAll(database.settings());
        } else {
            DatabaseSettings shared = Settings.fromEnvironment(sharedWith.environment()).database();
            env.put("PORTAL_DB_URL", shared.url());
            env.put("PORTAL_DB_USER", shared.user());
            env.put("PORTAL_DB_PASSWORD", shared.password());
            env.put("PORTAL_KEY_DIR", sharedWith.root.resolve("keys").toString());
        }
        env.putAll(overrides);
        return env;
    }

    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
        if (database != null) {
            database.close();
        }
    }

    /** Stops the portal and keeps its database, data and keys (for a test that changes them while it is down). */
    public void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Stops and starts the same portal on the same data: what a deployment or crash recovery does. */
    public void restart() throws Exception {
        stopServer();
        server = PortalServer.create(Settings.fromEnvironment(environment()), clock, extraRoutes);
        server.start();
    }

    public PortalServer server() {
        return server;
    }

    public MutableClock clock() {
        return clock;
    }

    public Path root() {
        return root;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + server.port() + path);
    }

    public String url(String path) {
        return uri(path).toString();
    }

    /** A browser that does not run scripts (the portal needs none) and keeps error pages for inspection. */
    public WebClient browser() {
        WebClient browser = new WebClient(BrowserVersion.FIREFOX);
        browser.getOptions().setJavaScriptEnabled(false);
        browser.getOptions().setCssEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        browser.getOptions().setRedirectEnabled(true);
        return browser;
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
