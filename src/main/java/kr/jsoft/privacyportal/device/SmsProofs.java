package kr.jsoft.privacyportal.device;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.jsoft.privacyportal.crypto.KeyedHash;
import kr.jsoft.privacyportal.ratelimit.PerNetwork;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.ratelimit.RateLimiter.Limit;
import kr.jsoft.privacyportal.sms.PhoneNumbers;
import kr.jsoft.privacyportal.sms.SmsGateway;
import kr.jsoft.privacyportal.sms.SmsResult;

/**
 * One-time codes that prove a phone number outside registration (a destruction request without the
 * device): the registration's rules — 6 digits, valid 10 minutes, 5 tries, kept only as a keyed
 * hash — and its SMS limits, counted in the same buckets (per number, per client address, and the
 * portal's daily budget), so the two paths together cannot flood a number or run up the bill.
 * The caller stores the hash and the expiry with its own record.
 */
public final class SmsProofs {
    public static final int DIGITS = SmsCode.DIGITS;
    public static final int MAX_TRIES = Device.MAX_CODE_ATTEMPTS;
    public static final Duration VALIDITY = DeviceRegistration.CODE_VALIDITY;

    /** What became of a request for a code. */
    public sealed interface Sent {
        /** The SMS went out; keep {@code codeHash} (keyed, bound to {@code subject}) until {@code expiresAt}. */
        record CodeSent(String codeHash, Instant expiresAt) implements Sent { }
        /** A limit refused it; nothing was sent. */
        record Limited(Duration retryAfter) implements Sent { }
        /** The provider did not take it. */
        record NotSent() implements Sent { }
    }

    private final Clock clock;
    private final SecureRandom random;
    private final KeyedHash hash;
    private final SmsGateway sms;
    private final RateLimiter limiter;
    private final DeviceSettings settings;

    public SmsProofs(Clock clock, SecureRandom random, KeyedHash hash, SmsGateway sms, RateLimiter limiter,
                     DeviceSettings settings) {
        this.clock = clock;
        this.random = random;
        this.hash = hash;
        this.sms = sms;
        this.limiter = limiter;
        this.settings = settings;
    }

    /**
     * Sends a code to {@code phoneNumber} for {@code subject} (an opaque id the code is bound to).
     * The clear number is used only for the SMS and the limits and is not kept.
     */
    public Sent send(String phoneNumber, String clientAddress, String subject) {
        return send(phoneNumber, clientAddress, subject, Purpose.DESTRUCTION);
    }

    /** What the code proves the number for; the SMS says so. */
    public enum Purpose { DESTRUCTION, RIGHTS }

    /** As {@link #send(String, String, String)}, the SMS worded for {@code purpose}. */
    public Sent send(String phoneNumber, String clientAddress, String subject, Purpose purpose) {
        String e164 = PhoneNumbers.toE164(phoneNumber);
        record Check(String scope, String subject, Limit limit) { }
        // The same scopes as DeviceRegistration: one budget for every code the portal sends.
        for (Check check : List.of(
                new Check("sms.address", PerNetwork.of(clientAddress), Limit.perHour(settings.smsPerAddressPerHour())),
                new Check("sms.number", e164, Limit.perHour(settings.smsPerNumberPerHour())),
                new Check("sms.budget", "all", Limit.perDay(settings.smsDailyBudget())))) {
            RateLimiter.Decision decision = limiter.acquire(check.scope(), check.subject(), check.limit());
            if (!decision.allowed()) {
                return new Sent.Limited(decision.retryAfter());
            }
        }
        String code = SmsCode.generate(random);
        Instant expiresAt = clock.instant().plus(VALIDITY);
        SmsResult result = sms.send(e164, purpose == Purpose.RIGHTS ? SmsCode.rightsText(code)
                : SmsCode.destructionText(code));
        if (!(result instanceof SmsResult.Accepted)) {
            return new Sent.NotSent();
        }
        return new Sent.CodeSent(codeHash(subject, code), expiresAt);
    }

    /** Whether {@code code} is the one sent for {@code subject} (constant-time). */
    public boolean matches(String subject, String code, String storedHash) {
        return SmsCode.wellFormed(code) && KeyedHash.same(codeHash(subject, code), storedHash);
    }

    public static boolean wellFormed(String code) {
        return SmsCode.wellFormed(code);
    }

    private String codeHash(String subject, String code) {
        return hash.hash("sms-proof", subject, code);
    }
}
