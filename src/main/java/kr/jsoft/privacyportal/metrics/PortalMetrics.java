package kr.jsoft.privacyportal.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * The portal's one meter registry (Micrometer, Prometheus format), built once in
 * {@code PortalServer} and handed to the features that record into it; never the static
 * global registry. JVM and process meters are bound here.
 */
public final class PortalMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public PortalMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        gc.bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            // CPU seconds used by the whole process: the benchmark divides its growth by the requests served.
            FunctionCounter.builder("portal.process.cpu.time", os,
                            bean -> bean.getProcessCpuTime() / (double) TimeUnit.SECONDS.toNanos(1))
                    .baseUnit("seconds")
                    .description("CPU time used by the portal's process")
                    .register(registry);
        }
    }

    /** Meters of the shared parts: SQL statements prepared and the HTTP thread pool. */
    public void bind(kr.jsoft.privacyportal.persistence.Database database, org.eclipse.jetty.server.Server server) {
        FunctionCounter.builder("portal.db.statements", database,
                        kr.jsoft.privacyportal.persistence.Database::statementsPrepared)
                .description("SQL statements prepared through Hibernate").register(registry);
        new io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics(server.getThreadPool(),
                java.util.List.of()).bindTo(registry);
    }

    /** Where features register and record their meters. */
    public MeterRegistry registry() {
        return registry;
    }


    /** Every meter in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
