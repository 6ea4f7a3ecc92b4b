package kr.jsoft.privacyportal.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee11.servlet.DefaultServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Only with {@code PORTAL_BENCH_STATIC=true}: serves {@code <data>/bench-static/} at
 * {@code /bench-static/} with Jetty's DefaultServlet, so {@code bench/policy-page.sh} can
 * measure a saved copy of {@code /en/policy} beside the live page, on the same server.
 */
final class BenchStatic {
    public static final String PATH = "/bench-static/";
    private static final Logger log = LoggerFactory.getLogger(BenchStatic.class);

    private BenchStatic() {
    }

    public static void register(ServletContextHandler context, Path dataDir) {
        Path dir = dataDir.resolve("bench-static");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServletHolder holder = new ServletHolder("bench-static", DefaultServlet.class);
        holder.setInitParameter("baseResource", dir.toUri().toString());
        holder.setInitParameter("pathInfoOnly", "true");
        holder.setInitParameter("dirAllowed", "false");
        holder.setInitParameter("etags", "true");
        holder.setInitParameter("cacheControl", "no-cache");
        context.addServlet(holder, PATH + "*");
        log.warn("PORTAL_BENCH_STATIC: serving {} at {} (benchmark only)", dir, PATH);
    }
}
