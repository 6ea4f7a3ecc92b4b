package kr.jsoft.privacyportal.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.SecretKey;
import kr.jsoft.privacyportal.audit.AuditHeads;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.audit.AuditTrail;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.crypto.KeyedHash;
import kr.jsoft.privacyportal.crypto.PortalKeys;
import kr.jsoft.privacyportal.erasure.ErasureJournal;
import kr.jsoft.privacyportal.jobs.JobLeases;
import kr.jsoft.privacyportal.jobs.Jobs;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.staff.ManagerArea;
import kr.jsoft.privacyportal.web.ClientAddress;
import kr.jsoft.privacyportal.web.PublicAddress;
import kr.jsoft.privacyportal.web.ReadinessDetails;
import kr.jsoft.privacyportal.web.View;

/**
 * What every feature factory may build on, made once at start-up ({@code PortalCores.open}): the clock and
 * randomness (tests replace them here), the keys, the database, the audit log, the views, the
 * web server to register servlets and workers in, the staff area for dashboard pages, jobs, rate
 * limits, the erasure journal, the meter registry and the details {@code /readyz} shows.
 *
 * @param lookupKey the one HMAC key for lookups (phone numbers, email addresses, rate-limit
 *                  subjects); {@code phoneHash} hashes with it
 */
public record Cores(Clock clock, SecureRandom random, String version, PortalKeys keys, Database database,
                    AuditLog auditLog, AuditHeads auditHeads, AuditTrail auditTrail, View view, WebServer web, PublicAddress publicAddress,
                    ClientAddress clientAddress, ManagerArea staffArea, Jobs jobs, JobLeases jobLeases,
                    RateLimiter rateLimiter, SecretKey lookupKey, KeyedHash phoneHash, DataCipher dataCipher,
                    ErasureJournal erasureJournal, MeterRegistry meters, Duration stopTimeout,
                    ReadinessDetails readiness) {
}
