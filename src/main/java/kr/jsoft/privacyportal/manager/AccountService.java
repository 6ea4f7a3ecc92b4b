package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.crypto.SecretTokens;
import kr.jsoft.privacyportal.crypto.Digests;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.Staff;
import jakarta.persistence.LockModeType;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.jobs.JobLeases;
import kr.jsoft.privacyportal.persistence.Database;
import org.hibernate.Session;
import org.hibernate.query.criteria.HibernateCriteriaBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff accounts: the first-run link, invitations, one-time setup (password, TOTP,
 * recovery codes), role changes, disabling and resets. The command line and the accounts
 * page use the same methods. Every change is audited by account id, never by email.
 */
public final class AccountService {
    /** The entities of the manager feature, for the composition root. */
    public static final List<Class<?>> ENTITIES = List.of(StaffAccount.class, RecoveryCode.class, SetupLink.class,
            ThrottleEntry.class, AccessReview.class);
    static final Duration LINK_VALIDITY = Duration.ofHours(24);
    static final int RECOVERY_CODES = 10;
    static final String FIRST_RUN_FILE = "manager-setup-link.txt";
    static final String TARGET = "staff-account";
    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random;
    private final SecretBox secrets;
    private final Supplier<URI> baseUrl;
    private final Path dataDir;
    private final JobLeases leases;
    private final String host;

    /** A one-time setup link just issued; show it to the person who asked, never log it. */
    public record IssuedLink(UUID accountId, URI link, Instant expiresAt) {
    }

    /** An account as the accounts page shows it. */
    public record AccountView(UUID id, String email, String displayName, Role role, Status status) {
    }

    public enum Status { ACTIVE, AWAITING_SETUP, DISABLED }

    /** An open setup link: what the setup page needs to know. */
    record LinkView(String tokenHash, SetupLink.Purpose purpose, String accountLabel) {
        boolean asksForIdentity() {
            return purpose == SetupLink.Purpose.FIRST_RUN;
        }
    }

    private final RecoveryCodeHash recoveryCodes;
    AccountService(Database database, AuditLog auditLog, Clock clock, SecureRandom random, SecretBox secrets,
                   RecoveryCodeHash recoveryCodes, Supplier<URI> baseUrl, Path dataDir, JobLeases leases,
                   String host) {
        this.recoveryCodes = recoveryCodes;
        this.leases = leases;
        this.host = host;
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.random = random;
        this.secrets = secrets;
        this.baseUrl = baseUrl;
        this.dataDir = dataDir;
    }

    // ---- first run -------------------------------------------------------------------

    /**
     * With no account at all: a one-time link for the first privacy manager, written to
     * {@code <data>/manager-setup-link.txt} readable only by this user. Only the file's path is
     * logged. No account, no default password: whoever can read the data directory sets up.
     *
     * <p>Instances on one database share one link: under a row lock (instances starting together
     * take turns), a link still valid that another instance wrote stays the only one, and this
     * instance's file says where it is; only a link written here before (a restart) or none valid
     * is replaced by a new one. With accounts, a file left from the first run is deleted.
     */
    Optional<Path> prepareFirstRun() {
        Path file = dataDir.resolve(FIRST_RUN_FILE);
        String here = host + ":" + file.toAbsolutePath().normalize();
        FirstRun outcome = leases.oneAtATime("first-run-link", () -> database.fromTransaction(session -> {
            if (staffAccounts(session) > 0) {
                return null;
            }
            Instant now = clock.instant();
            List<SetupLink> open = firstRunLinks(session).stream()
                    .filter(l -> l.usableAt(now)).toList();
            Optional<SetupLink> elsewhere = open.stream()
                    .filter(l -> l.issuedWhere() != null && !l.issuedWhere().equals(here)).findFirst();
            if (elsewhere.isPresent()) {
                return new FirstRun(null, elsewhere.get());
            }
            open.forEach(l -> l.revoke(now));
            String fresh = SecretTokens.newToken(random, 32);
            session.persist(SetupLink.firstRun(Digests.sha256Hex(fresh), now, now.plus(LINK_VALIDITY),
                    leases.instanceId(), here));
            auditLog.record(session, AuditEvent.system("staff.first-run-link.issued"));
            return new FirstRun(fresh, null);
        }));
        if (outcome == null) {
            deleteFirstRunFile();
            return Optional.empty();
        }
        if (outcome.elsewhere() != null) {
            SetupLink valid = outcome.elsewhere();
            writePrivately(file, "The one-time link that creates the first privacy-manager account of the portal is"
                    + " not here. Instance " + valid.issuedBy() + " wrote it to\n" + valid.issuedWhere()
                    + "\n(valid until " + valid.expiresAt() + "). Only that link works; read it there.\n"
                    + "If that instance is gone, start an instance after that time (it writes a new link), or run\n"
                    + "  java -jar privacy-portal.jar manager create --email <your address> --role privacy-manager\n"
                    + "against the same database for a setup link of your own.\n");
            log.warn("No staff account yet: the first privacy manager's one-time setup link is in {} (instance {});"
                    + " {} says so.", valid.issuedWhere(), valid.issuedBy(), file);
            return Optional.of(file);
        }
        writePrivately(file, "Open this link within 24 hours to create the first privacy-manager account"
                + " of the portal (it works once):\n" + link(outcome.token()) + "\n");
        log.warn("No staff account yet: the one-time setup link for the first privacy manager is in {}"
                + " (readable only by this user, valid 24 h).", file);
        return Optional.of(file);
    }

    // Criteria, not HQL strings: the first run is part of every start, just as the portal answers its first
    // requests, and the first HQL a process parses costs Hibernate's parser a warm-up (see PolicyQueries).
    private static long staffAccounts(Session session) {
        HibernateCriteriaBuilder cb = session.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        query.select(cb.count(query.from(StaffAccount.class)));
        return session.createSelectionQuery(query).getSingleResult();
    }

    private static List<SetupLink> firstRunLinks(Session session) {
        HibernateCriteriaBuilder cb = session.getCriteriaBuilder();
        CriteriaQuery<SetupLink> query = cb.createQuery(SetupLink.class);
        Root<SetupLink> link = query.from(SetupLink.class);
        return session.createSelectionQuery(query.where(cb.equal(link.get("purpose"), SetupLink.Purpose.FIRST_RUN)))
                .getResultList();
    }

    /** What the first-run check found: a new link's token, or the valid link another instance wrote. */
    private record FirstRun(String token, SetupLink elsewhere) {
    }

    private void deleteFirstRunFile() {
        try {
            Files.deleteIfExists(dataDir.resolve(FIRST_RUN_FILE));
        } catch (IOException e) {
            log.warn("Could not delete the first-run link file in {}", dataDir);
        }
    }

    private static void writePrivately(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    // ---- account management -----------------------------------------------------------

    /** Creates an account awaiting setup and returns its one-time link (invitation, command line). */
    public IssuedLink create(String email, String displayName, Role role, AuditEvent by) {
        String normalised = normaliseEmail(email);
        String name = normaliseName(displayName, normalised);
        return database.fromTransaction(session -> {
            if (findByEmail(session, normalised).isPresent()) {
                throw new AccountException("manager.account.email-taken", "email");
            }
            Instant now = clock.instant();
            StaffAccount account = new StaffAccount(UUID.randomUUID(), normalised, name, role, now);
            session.persist(account);
            auditLog.record(session, by.withAction("staff.account.created").target(TARGET, account.id())
                    .detail("role=" + role));
            return issue(session, account.id(), SetupLink.Purpose.INVITATION, by);
        });
    }

    /** Forgets an account's password and second factor, ends its sessions, returns a one-time link. */
    public IssuedLink reset(UUID accountId, AuditEvent by) {
        return database.fromTransaction(session -> {
            StaffAccount account = session.find(StaffAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
            if (account == null) {
                throw new AccountException("manager.account.unknown", "email");
            }
            account.clearCredentials(clock.instant());
            auditLog.record(session, by.withAction("staff.account.reset").target(TARGET, accountId));
            return issue(session, accountId, SetupLink.Purpose.RESET, by);
        });
    }

    /** As {@link #reset(UUID, AuditEvent)}, by email (the command line). */
    public IssuedLink reset(String email, AuditEvent by) {
        String normalised = normaliseEmail(email);
        UUID id = database.fromTransaction(session -> findByEmail(session, normalised).map(StaffAccount::id))
                .orElseThrow(() -> new AccountException("manager.account.unknown", "email"));
        return reset(id, by);
    }

    private IssuedLink issue(Session session, UUID accountId, SetupLink.Purpose purpose, AuditEvent by) {
        Instant now = clock.instant();
        session.createSelectionQuery("from SetupLink l where l.accountId = :id", SetupLink.class)
                .setParameter("id", accountId).getResultList().forEach(l -> l.revoke(now));
        String token = SecretTokens.newToken(random, 32);
        Instant expires = now.plus(LINK_VALIDITY);
        session.persist(new SetupLink(Digests.sha256Hex(token), purpose, accountId, now, expires));
        auditLog.record(session, by.withAction("staff.setup-link.issued").target(TARGET, accountId)
                .detail(purpose.name().toLowerCase(Locale.ROOT)));
        return new IssuedLink(accountId, link(token), expires);
    }

    private URI link(String token) {
        return URI.create(baseUrl.get().toString().replaceAll("/+$", "") + "/manager/setup/" + token);
    }

    List<AccountView> list() {
        return database.fromTransaction(session -> session
                .createSelectionQuery("from StaffAccount a order by a.displayName, a.email", StaffAccount.class)
                .getResultList().stream().map(AccountService::view).toList());
    }

    /** Active accounts with one of {@code roles}: whom other features may assign work to. */
    public List<AccountView> active(Set<Role> roles) {
        return list().stream().filter(a -> a.status() == Status.ACTIVE && roles.contains(a.role())).toList();
    }

    Optional<AccountView> account(UUID id) {
        return database.fromTransaction(session -> Optional.ofNullable(session.find(StaffAccount.class, id))
                .map(AccountService::view));
    }

    long awaitingSetup() {
        return database.fromTransaction(session -> session.createSelectionQuery(
                "select count(a) from StaffAccount a where a.passwordHash is null and a.disabled = false", Long.class)
                .getSingleResult());
    }

    void changeRole(UUID id, Role role, AuditEvent by) {
        database.inTransaction(session -> {
            StaffAccount account = lockedAccount(session, id);
            Role before = account.role();
            if (before == role) {
                return;
            }
            if (before == Role.PRIVACY_MANAGER) {
                requireAnotherManager(session, account);
            }
            account.role(role);
            auditLog.record(session, by.withAction("staff.account.role-changed").target(TARGET, id)
                    .detail(before + " -> " + role));
        });
    }

    void setDisabled(UUID id, boolean disabled, AuditEvent by) {
        database.inTransaction(session -> {
            StaffAccount account = lockedAccount(session, id);
            if (account.disabled() == disabled) {
                return;
            }
            if (disabled && by.actor().equals(AuditEvent.staff(id.toString(), null, "").actor())) {
                throw new AccountException("manager.account.not-yourself", null);
            }
            if (disabled && account.role() == Role.PRIVACY_MANAGER) {
                requireAnotherManager(session, account);
            }
            account.disabled(disabled, clock.instant());
            auditLog.record(session, by.withAction(disabled ? "staff.account.disabled" : "staff.account.enabled")
                    .target(TARGET, id));
        });
    }

    /** The portal always keeps one privacy manager who can sign in. */
    private static void requireAnotherManager(Session session, StaffAccount account) {
        long others = session.createSelectionQuery("select count(a) from StaffAccount a where a.role = :role"
                        + " and a.disabled = false and a.id <> :id", Long.class)
                .setParameter("role", Role.PRIVACY_MANAGER).setParameter("id", account.id()).getSingleResult();
        if (others == 0) {
            throw new AccountException("manager.account.last-manager", null);
        }
    }

    private static StaffAccount lockedAccount(Session session, UUID id) {
        StaffAccount account = session.find(StaffAccount.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new AccountException("manager.account.unknown", null);
        }
        return account;
    }

    // ---- one-time setup ----------------------------------------------------------------

    Optional<LinkView> openLink(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return openLinkByHash(Digests.sha256Hex(token));
    }

    Optional<LinkView> openLinkByHash(String tokenHash) {
        return database.fromTransaction(session -> {
            SetupLink link = session.find(SetupLink.class, tokenHash);
            if (link == null || !link.usableAt(clock.instant())) {
                return Optional.empty();
            }
            String label = null;
            if (link.accountId() != null) {
                StaffAccount account = session.find(StaffAccount.class, link.accountId());
                if (account == null || account.disabled()) {
                    return Optional.empty();
                }
                label = account.email();
            }
            return Optional.of(new LinkView(tokenHash, link.purpose(), label));
        });
    }

    /**
     * Uses the link: sets the password hash and the confirmed TOTP secret, replaces the
     * recovery codes, and returns the new codes in plain text (shown once, stored hashed).
     */
    List<String> completeSetup(String tokenHash, String email, String displayName, String passwordHash,
                               String totpSecret, long acceptedStep, String clientAddress) {
        List<String> codes = database.fromTransaction(session -> {
            Instant now = clock.instant();
            SetupLink link = session.find(SetupLink.class, tokenHash, LockModeType.PESSIMISTIC_WRITE);
            if (link == null || !link.usableAt(now)) {
                throw new AccountException("manager.setup.link-invalid", null);
            }
            StaffAccount account;
            if (link.purpose() == SetupLink.Purpose.FIRST_RUN) {
                long existing = session.createSelectionQuery("select count(a) from StaffAccount a", Long.class)
                        .getSingleResult();
                if (existing > 0) {
                    throw new AccountException("manager.setup.link-invalid", null);
                }
                String normalised = normaliseEmail(email);
                account = new StaffAccount(UUID.randomUUID(), normalised, normaliseName(displayName, normalised),
                        Role.PRIVACY_MANAGER, now);
                session.persist(account);
                auditLog.record(session, AuditEvent.staff(account.id().toString(), clientAddress,
                        "staff.account.created").target(TARGET, account.id()).detail("role=PRIVACY_MANAGER, first run"));
            } else {
                account = session.find(StaffAccount.class, link.accountId(), LockModeType.PESSIMISTIC_WRITE);
                if (account == null || account.disabled()) {
                    throw new AccountException("manager.setup.link-invalid", null);
                }
            }
            account.credentials(passwordHash, secrets.seal(totpSecret), acceptedStep);
            session.createMutationQuery("delete from RecoveryCode c where c.accountId = :id")
                    .setParameter("id", account.id()).executeUpdate();
            List<String> plain = new ArrayList<>();
            for (int i = 0; i < RECOVERY_CODES; i++) {
                String code = Tokens.newRecoveryCode(random);
                plain.add(code);
                session.persist(new RecoveryCode(UUID.randomUUID(), account.id(),
                        recoveryCodes.of(Tokens.normaliseRecoveryCode(code))));
            }
            link.use(now);
            auditLog.record(session, AuditEvent.staff(account.id().toString(), clientAddress,
                    "staff.account.setup-completed").target(TARGET, account.id()));
            return plain;
        });
        deleteFirstRunFile();
        return codes;
    }

    // ---- helpers -----------------------------------------------------------------------

    static String normaliseEmail(String email) {
        String value = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new AccountException("manager.account.email-invalid", "email");
        }
        return value;
    }

    private static String normaliseName(String displayName, String email) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            name = email.substring(0, email.indexOf('@'));
        }
        if (name.length() > 100) {
            throw new AccountException("manager.account.name-too-long", "displayName");
        }
        return name;
    }

    static Optional<StaffAccount> findByEmail(Session session, String normalisedEmail) {
        return session.createSelectionQuery("from StaffAccount a where a.email = :email", StaffAccount.class)
                .setParameter("email", normalisedEmail).uniqueResultOptional();
    }

    private static AccountView view(StaffAccount a) {
        Status status = a.disabled() ? Status.DISABLED : a.ready() ? Status.ACTIVE : Status.AWAITING_SETUP;
        return new AccountView(a.id(), a.email(), a.displayName(), a.role(), status);
    }
}
