package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.StaffMember;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.persistence.Database;
import org.hibernate.Session;

/**
 * Two-step sign-in (password, then TOTP or a recovery code) behind the throttle, and the
 * per-request check that a signed-in session is still valid. Every answer to a failed step
 * is the same whether or not the account exists, is disabled or is still awaiting setup.
 */
final class SignInService {
    static final String UNKNOWN_ACCOUNT = "unknown-account";
    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Passwords passwords;
    private final Totp totp;
    private final SecretBox secrets;

    enum Outcome { PASSED, REFUSED, THROTTLED }

    /** The answer to one step; {@code member} is set once the second step passed. */
    record Result(Outcome outcome, UUID accountId, StaffMember member, Duration waitFor) {
        static Result refused() { return new Result(Outcome.REFUSED, null, null, null); }
        static Result throttled(Duration waitFor) { return new Result(Outcome.THROTTLED, null, null, waitFor); }
    }

    private final RecoveryCodeHash recoveryCodes;
    SignInService(Database database, AuditLog auditLog, Clock clock, Passwords passwords, Totp totp, SecretBox secrets,
                  RecoveryCodeHash recoveryCodes) {
        this.recoveryCodes = recoveryCodes;
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.passwords = passwords;
        this.totp = totp;
        this.secrets = secrets;
    }

    Result checkPassword(String email, String password, String clientAddress) {
        String typed = email == null ? "" : email;
        String accountKey = SignInThrottle.accountKey(typed);
        String addressKey = SignInThrottle.addressKey(clientAddress);
        Admission admission = database.fromTransaction(session -> {
            SignInThrottle.Attempt attempt = SignInThrottle.countAttempt(session, clock.instant(), accountKey, addressKey);
            if (attempt.waitFor().isPresent()) {
                return new Admission(attempt, Optional.empty(), null);
            }
            Optional<StaffAccount> account = findByTypedEmail(session, typed).filter(StaffAccount::canSignIn);
            return new Admission(attempt, account.map(StaffAccount::id),
                    account.map(StaffAccount::passwordHash).orElse(null));
        });
        if (admission.attempt().waitFor().isPresent()) {
            return Result.throttled(admission.attempt().waitFor().get());
        }
        // The attempt is counted already, so the slow hash runs outside any transaction.
        boolean right = passwords.matches(password == null ? "" : password, admission.passwordHash())
                && admission.accountId().isPresent();
        return database.fromTransaction(session -> {
            if (!right) {
                recordFailure(session, admission.accountId(), clientAddress, "password");
                return Result.refused();
            }
            admission.attempt().counted().forEach(counted -> SignInThrottle.takeBack(session, counted));
            return new Result(Outcome.PASSED, admission.accountId().get(), null, null);
        });
    }

    /** What the password step learned inside its counting transaction. */
    private record Admission(SignInThrottle.Attempt attempt, Optional<UUID> accountId, String passwordHash) {
    }

    /** The second step, for the account whose password was right: a TOTP code or an unused recovery code. */
    Result checkSecondFactor(UUID accountId, String code, String clientAddress) {
        String addressKey = SignInThrottle.addressKey(clientAddress);
        return database.fromTransaction(session -> {
            Instant now = clock.instant();
            StaffAccount account = session.find(StaffAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
            if (account == null || !account.canSignIn()) {
                return Result.refused();
            }
            String accountKey = SignInThrottle.accountKey(account.email());
            Optional<Duration> wait = SignInThrottle.wait(session, now, accountKey, addressKey);
            if (wait.isPresent()) {
                return Result.throttled(wait.get());
            }
            String given = code == null ? "" : code;
            OptionalLong step = totp.verify(secrets.open(account.totpSecret()), given, account.totpLastStep());
            String method = null;
            if (step.isPresent()) {
                account.acceptStep(step.getAsLong());
                method = "totp";
            } else if (useRecoveryCode(session, account, given, now)) {
                method = "recovery code";
            }
            if (method == null) {
                failed(session, now, accountKey, addressKey, Optional.of(account), clientAddress, "second factor");
                return Result.refused();
            }
            SignInThrottle.succeeded(session, accountKey);
            auditLog.record(session, AuditEvent.staff(accountId.toString(), clientAddress, "staff.sign-in")
                    .target(AccountService.TARGET, accountId).detail(method));
            return new Result(Outcome.PASSED, accountId, account.member(), null);
        });
    }

    private boolean useRecoveryCode(Session session, StaffAccount account, String given, Instant now) {
        String normalised = Tokens.normaliseRecoveryCode(given);
        if (normalised.length() != 10) {
            return false;
        }
        Optional<RecoveryCode> match = session.createSelectionQuery(
                        "from RecoveryCode c where c.accountId = :id and c.codeHash = :hash and c.usedAt is null",
                        RecoveryCode.class)
                .setParameter("id", account.id()).setParameter("hash", recoveryCodes.of(normalised))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).uniqueResultOptional();
        match.ifPresent(c -> c.use(now));
        return match.isPresent();
    }

    private void failed(Session session, Instant now, String accountKey, String addressKey,
                        Optional<StaffAccount> account, String clientAddress, String step) {
        SignInThrottle.failed(session, now, accountKey, SignInThrottle.ACCOUNT);
        SignInThrottle.failed(session, now, addressKey, SignInThrottle.ADDRESS);
        recordFailure(session, account.map(StaffAccount::id), clientAddress, step);
    }

    private void recordFailure(Session session, Optional<UUID> accountId, String clientAddress, String step) {
        // The typed email is never recorded: an unknown account is just "unknown-account".
        AuditEvent event = accountId
                .map(id -> AuditEvent.staff(id.toString(), clientAddress, "staff.sign-in.failed")
                        .target(AccountService.TARGET, id))
                .orElseGet(() -> new AuditEvent(UNKNOWN_ACCOUNT, "staff.sign-in.failed", null, null, clientAddress, null));
        auditLog.record(session, event.detail(step));
    }

    private static Optional<StaffAccount> findByTypedEmail(Session session, String typed) {
        try {
            return AccountService.findByEmail(session, AccountService.normaliseEmail(typed));
        } catch (AccountException malformed) {
            return Optional.empty();
        }
    }

    /** The staff member of a session signed in at {@code signedInAt}, unless disabled or reset since. */
    Optional<StaffMember> activeMember(UUID accountId, Instant signedInAt) {
        return database.fromTransaction(session -> Optional.ofNullable(session.find(StaffAccount.class, accountId))
                .filter(StaffAccount::canSignIn)
                .filter(a -> !signedInAt.isBefore(a.sessionsValidFrom()))
                .map(StaffAccount::member));
    }

    void record(AuditEvent event) {
        database.inTransaction(session -> auditLog.record(session, event));
    }

    int forgetExpiredFailures() {
        return database.fromTransaction(session -> SignInThrottle.forgetExpired(session, clock.instant()));
    }
}
