/**
 * What feature factories receive and register into. {@link kr.jsoft.privacyportal.platform.Cores} is
 * built once at start-up (clock, randomness, keys, database, audit log, views, jobs, rate limits,
 * erasure journal, meter registry, staff area…), so a factory takes one argument for everything shared
 * and tests replace the clock, randomness and outside gateways in one place.
 * {@link kr.jsoft.privacyportal.platform.WebServer} is the embedded Jetty: the public and the optional
 * metrics connector, the handler chain around the one web context, and the methods through which
 * features add servlets, filters and background workers whose lifecycle the server then runs (started
 * after the context, stopped before it). {@link kr.jsoft.privacyportal.platform.StartupPhases} times the
 * phases of start-up for the one INFO line ("Started in … since the JVM started: …") the portal logs
 * when it listens.
 */
package kr.jsoft.privacyportal.platform;
