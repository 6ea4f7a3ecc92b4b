package kr.jsoft.privacyportal.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.HttpServlet;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import kr.jsoft.privacyportal.metrics.MetricsEndpoint;
import kr.jsoft.privacyportal.metrics.PortalMetrics;
import kr.jsoft.privacyportal.web.ErrorPages;
import kr.jsoft.privacyportal.web.PathRule;
import kr.jsoft.privacyportal.web.SecurityHeaders;
import kr.jsoft.privacyportal.web.ServerErrors;
import kr.jsoft.privacyportal.web.StoredSessions;
import org.eclipse.jetty.ee11.apache.jsp.JettyJasperInitializer;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The embedded Jetty: the public connector, the optional metrics connector, and one web
 * application context where features register their servlets and filters. The handler chain is
 * {@code MetricsEndpoint} (answers on the metrics connector only, passes the public connector's
 * requests on) → {@code GracefulHandler} (counts in-flight requests for a graceful stop) →
 * {@code SecurityHeaders} → {@code PathRule} (ambiguous addresses: 400) → the context.
 */
public final class WebServer {
    private final Server server;
    private final ServerConnector connector;
    private final Optional<ServerConnector> metricsConnector;
    private final WebAppContext context;
    /**
     * The background workers: stopped by the server in the place of a bean added after the handler
     * (before the context stops), but started only once the connectors listen (see the constructor).
     */
    private final ContainerLifeCycle background = new ContainerLifeCycle() {
        @Override
        protected void doStart() {
            // Not here: their first passes would compete with the web application's start for the CPU.
        }
    };

    /** Where the metrics connector listens, when it is wanted. */
    public record MetricsAddress(String host, int port) {
    }

    public WebServer(String host, int port, Optional<MetricsAddress> metricsAddress, boolean https,
                     Duration sessionIdle, Duration stopTimeout, PortalMetrics metrics,
                     Predicate<InetAddress> trustedProxy) {
        QueuedThreadPool pool = new QueuedThreadPool(200, 8);
        pool.setName("portal-http");
        server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        SlowClients.configure(http);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        SlowClients.configure(connector, trustedProxy);
        server.addConnector(connector);
        metricsConnector = metricsAddress.map(address -> {
            ServerConnector metricsPort = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
            metricsPort.setName("metrics");
            metricsPort.setHost(address.host());
            metricsPort.setPort(address.port());
            server.addConnector(metricsPort);
            return metricsPort;
        });
        context = newContext(https, sessionIdle);
        // The handler goes in before any worker, so the context starts first and stops last.
        // Ambiguous addresses are refused before any filter or servlet reads them (see PathRule).
        Handler portal = new GracefulHandler(new SecurityHeaders(new PathRule(context, new SecureRandom()), https));
        // What Jetty refuses before any handler runs gets the same headers, and problem JSON under /api/.
        server.setErrorHandler(new ServerErrors(https));
        // The metrics connector answers only /metrics; the public connector never does.
        server.setHandler(metricsConnector.<Handler>map(
                metricsPort -> new MetricsEndpoint(portal, metricsPort, metrics)).orElse(portal));
        server.setStopTimeout(stopTimeout.toMillis());
        server.addBean(background);
        // Workers start when the server has started, connectors included: their first passes (each a few
        // queries the portal has not run yet, so parsed and compiled anew) come after the portal is
        // ready, not while it starts. Still inside Server.start(): a caller sees them running.
        server.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarted(LifeCycle started) {
                for (LifeCycle worker : background.getBeans(LifeCycle.class)) {
                    try {
                        worker.start();
                    } catch (Exception e) {
                        // As when a part failed before the connectors opened: a portal that did not start
                        // leaves nothing listening.
                        for (Connector connector : server.getConnectors()) {
                            try {
                                connector.stop();
                            } catch (Exception stopping) {
                                e.addSuppressed(stopping);
                            }
                        }
                        throw new IllegalStateException("A background worker did not start: " + worker, e);
                    }
                }
            }
        });
    }

    private static WebAppContext newContext(boolean https, Duration sessionIdle) {
        WebAppContext context = new WebAppContext();
        context.setContextPath("/");
        WebAppFiles files = WebAppFiles.locate(WebServer.class.getClassLoader());
        context.setBaseResource(ResourceFactory.of(context).newResource(files.base()));
        files.defaultsDescriptor().ifPresent(descriptor -> context.setDefaultsDescriptor(descriptor.toString()));
        context.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopped(LifeCycle stopped) {
                files.close();
            }

            @Override
            public void lifeCycleFailure(LifeCycle failed, Throwable cause) {
                files.close();
            }
        });
        // Jasper finds the JSTL tag libraries in their jar on a class path of jars (tests, an IDE); from
        // the portal's own jar they were copied into WEB-INF/tld (WebAppFiles), so that jar is not scanned.
        context.setAttribute("org.eclipse.jetty.server.webapp.ContainerIncludeJarPattern",
                ".*/jakarta\\.servlet\\.jsp\\.jstl-[^/]*\\.jar$");
        context.addServletContainerInitializer(new JettyJasperInitializer());
        context.setParentLoaderPriority(true);
        context.setThrowUnavailableOnStartupException(true);
        context.setInitParameter("org.eclipse.jetty.servlet.Default.dirAllowed", "false");
        context.setInitParameter("org.eclipse.jetty.servlet.Default.cacheControl", "public, max-age=3600");
        context.setErrorHandler(new ErrorPages());

        // A session the store cannot read answers 503, instead of the request going on without it.
        context.setSessionHandler(new StoredSessions(new ServerErrors(https)));
        var sessions = context.getSessionHandler();
        sessions.setSessionCookie("portal_session");
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        sessions.setHttpOnly(true);
        sessions.setSecureRequestOnly(false);
        sessions.getSessionCookieConfig().setSecure(https);
        // The container forgets idle sessions; the dashboard's gate also checks idle and absolute
        // limits against the portal's clock on every dashboard request.
        sessions.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, sessionIdle.toSeconds()));
        // Session ids only in cookies, never in URLs: links on cached public pages are the same for everyone.
        sessions.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
        return context;
    }

    /** Maps {@code servlet} (one instance, so it can take constructor arguments) to each path. */
    public void servlet(HttpServlet servlet, String... paths) {
        ServletHolder holder = new ServletHolder(servlet.getClass().getSimpleName(), servlet);
        for (String path : paths) {
            context.getServletHandler().addServletWithMapping(holder, path);
        }
    }

    /** Adds a filter on {@code paths}; filters run in the order they are added. */
    public void filter(Filter filter, String... paths) {
        FilterHolder holder = new FilterHolder(filter);
        for (String path : paths) {
            context.addFilter(holder, path, EnumSet.of(DispatcherType.REQUEST));
        }
    }

    /** A background worker that starts after (once listening) and stops before the web server's own parts. */
    public void manage(LifeCycle lifeCycle) {
        background.addBean(lifeCycle, true);
    }

    public WebAppContext context() {
        return context;
    }

    public Server server() {
        return server;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public Optional<Integer> metricsPort() {
        return metricsConnector.map(ServerConnector::getLocalPort);
    }
}
