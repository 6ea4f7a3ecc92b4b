package kr.jsoft.privacyportal.rights;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.crypto.Digests;
import kr.jsoft.privacyportal.crypto.SecretTokens;
import kr.jsoft.privacyportal.destruction.NumberProof;
import kr.jsoft.privacyportal.device.SmsProofs;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.mail.OutgoingMail;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.persistence.YearlyReferences;
import kr.jsoft.privacyportal.remedy.Remedies;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.Messages;
import org.hibernate.Session;

/**
 * Rights requests made by phone, by mail, in person or through an agent, recorded by staff as a
 * request of their kind rather than a free-text complaint: the number proven by the same SMS step
 * as destruction, the authority of an agent (PIPA Art. 38(1), Decree Arts. 45–46) or of a child's
 * legal representative (Art. 38(2)) recorded, the 10-day clock from receipt, and a structured
 * outcome with its grounds, mailed and shown on the status page.
 */
final class StaffRecorded {
    /** PIPA Enforcement Decree Arts. 41(4), 42(2), 43(3), 44(2): the result within 10 days of receipt. */
    static final Duration DEADLINE = Duration.ofDays(10);
    static final int TEXT_MAX = 2000;
    static final String TARGET = "rights-request";
    /** What an SMS code is bound to (with the request id); no personal data. */
    static final String CODE_SUBJECT = "rights-request:";
    private static final YearlyReferences REFERENCES = new YearlyReferences("R", "rights_counter", "last_value");

    private final Database database;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random;
    private final DataCipher cipher;
    private final NumberProof proof;
    private final Outbox outbox;
    private final Remedies remedies;

    StaffRecorded(Database database, AuditLog auditLog, Clock clock, SecureRandom random, DataCipher cipher,
                  NumberProof proof, Outbox outbox, Remedies remedies) {
        this.remedies = remedies;
        this.database = database;
        this.auditLog = auditLog;
        this.clock = clock;
        this.random = random;
        this.cipher = cipher;
        this.proof = proof;
        this.outbox = outbox;
    }

    /** What staff type when a request comes in another way. */
    record Form(String kind, String channel, String requester, String authority, String details, String phone,
                String email, String lang) {
    }

    /** Field name → message key of each problem; empty when the request may be recorded. */
    static Map<String, String> problems(Form f) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (parse(RightsRequest.Kind.class, f.kind()).isEmpty()) {
            problems.put("kind", "rights.error.kind");
        }
        if (parse(RightsRequest.Channel.class, f.channel()).isEmpty()) {
            problems.put("channel", "rights.error.channel");
        }
        Optional<RightsRequest.Requester> requester = parse(RightsRequest.Requester.class, f.requester());
        if (requester.isEmpty()) {
            problems.put("requester", "rights.error.requester");
        } else if (requester.get().needsAuthority() && blank(f.authority())) {
            problems.put("authority", requester.get() == RightsRequest.Requester.AGENT
                    ? "rights.error.authority.agent" : "rights.error.authority.representative");
        }
        if (!blank(f.authority()) && f.authority().strip().length() > TEXT_MAX) {
            problems.put("authority", "rights.error.long");
        }
        if (!blank(f.details()) && f.details().strip().length() > TEXT_MAX) {
            problems.put("details", "rights.error.long");
        }
        if (!SelfService.validNumber(f.phone())) {
            problems.put("phone", "rights.error.phone");
        }
        if (!SelfService.validEmail(f.email())) {
            problems.put("email", "rights.error.email");
        }
        if (Lang.parse(f.lang()).isEmpty()) {
            problems.put("lang", "rights.error.lang");
        }
        return problems;
    }

    /**
     * Records a request (valid input, see {@link #problems}) and sends the SMS code that proves the
     * number; the person reads it back to staff. The clock starts now.
     *
     * @throws BadRequestException (429/503) when the code could not be sent; nothing is stored then
     */
    RightsViews.Recorded record(Form f, AuditEvent by, String staffAddress) {
        if (!problems(f).isEmpty()) {
            throw new IllegalArgumentException("invalid rights request: " + problems(f).keySet());
        }
        UUID id = UUID.randomUUID();
        SmsProofs.Sent sent = proof.sendCode(f.phone(), staffAddress, CODE_SUBJECT + id);
        if (sent instanceof SmsProofs.Sent.Limited limited) {
            Limits.check(new kr.jsoft.privacyportal.ratelimit.RateLimiter.Decision(false, limited.retryAfter()));
        }
        if (!(sent instanceof SmsProofs.Sent.CodeSent code)) {
            throw new BadRequestException(503, "The SMS could not be sent; nothing was stored. Please try again later.");
        }
        String phoneHash = proof.phoneHashOf(f.phone());
        return database.fromTransaction(session -> {
            Instant now = clock.instant();
            String reference = REFERENCES.next(session, now.atZone(Dates.SEOUL).getYear());
            RightsRequest r = new RightsRequest(id, reference, parse(RightsRequest.Kind.class, f.kind()).orElseThrow(),
                    parse(RightsRequest.Channel.class, f.channel()).orElseThrow(),
                    parse(RightsRequest.Requester.class, f.requester()).orElseThrow(), f.lang(), phoneHash,
                    by.actor(), now, now.plus(DEADLINE));
            r.sealed(seal(f.authority(), "authority", id), seal(f.details(), "details", id),
                    seal(f.email().strip().toLowerCase(Locale.ROOT), "email", id), null);
            r.codeSent(code.codeHash(), code.expiresAt());
            session.persist(r);
            auditLog.record(session, by.withAction("rights.recorded").target(TARGET, id)
                    .detail("kind=" + r.kind() + " channel=" + r.channel() + " requester=" + r.requester()));
            return new RightsViews.Recorded(id, reference);
        });
    }

    enum CodeResult { CONFIRMED, WRONG, EXHAUSTED, EXPIRED, NOT_EXPECTED }

    /** The code the person read back: the number is proven, the receipt with the status link is mailed. */
    CodeResult confirmCode(UUID id, String code, AuditEvent by) {
        return database.fromTransaction(session -> {
            RightsRequest r = session.find(RightsRequest.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (r == null || r.state() != RightsRequest.State.PROVING) {
                return CodeResult.NOT_EXPECTED;
            }
            Instant now = clock.instant();
            if (!now.isBefore(r.codeExpiresAt())) {
                return CodeResult.EXPIRED;
            }
            if (!proof.codeMatches(CODE_SUBJECT + id, code, r.codeHash())) {
                boolean exhausted = r.wrongCode(NumberProof.MAX_CODE_TRIES);
                auditLog.record(session, by.withAction("rights.code-wrong").target(TARGET, id)
                        .detail("attempt " + r.codeAttempts()));
                return exhausted ? CodeResult.EXHAUSTED : CodeResult.WRONG;
            }
            r.proven(now);
            Lang lang = Lang.parse(r.lang()).orElse(Lang.KO);
            String token = SecretTokens.newToken(random, 16);
            r.sealed(r.authoritySealed(), r.detailsSealed(), r.emailSealed(), Digests.sha256Hex(token));
            outbox.enqueue(session, OutgoingMail.to(open(r.emailSealed(), "email", id), lang, "rights/mail/received")
                    .with("reference", r.reference())
                    .with("kind", Messages.resolve(lang.locale(), r.kind().key()))
                    .with("dueDate", Dates.dateTime(r.dueAt(), lang))
                    .withSecretLink("statusUrl", statusPath(lang, token)));
            auditLog.record(session, by.withAction("rights.number-proven").target(TARGET, id).detail("by SMS code"));
            return CodeResult.CONFIRMED;
        });
    }

    /** A new code when the first expired or was mistyped too often. */
    void resendCode(UUID id, String phone, AuditEvent by, String staffAddress) {
        if (!SelfService.validNumber(phone)) {
            throw new BadRequestException(422, "Not a Korean mobile number.");
        }
        boolean sameNumber = database.fromTransaction(session -> {
            RightsRequest r = session.find(RightsRequest.class, id);
            return r != null && r.state() == RightsRequest.State.PROVING
                    && kr.jsoft.privacyportal.crypto.KeyedHash.same(r.phoneHash(), proof.phoneHashOf(phone));
        });
        if (!sameNumber) {
            throw new BadRequestException(409, "This request is not waiting for the code of that number.");
        }
        SmsProofs.Sent sent = proof.sendCode(phone, staffAddress, CODE_SUBJECT + id);
        if (!(sent instanceof SmsProofs.Sent.CodeSent code)) {
            throw new BadRequestException(503, "The SMS could not be sent. Please try again later.");
        }
        database.inTransaction(session -> {
            RightsRequest r = session.find(RightsRequest.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            r.codeSent(code.codeHash(), code.expiresAt());
            auditLog.record(session, by.withAction("rights.code-sent").target(TARGET, id));
        });
    }

    enum Decision { DONE, UNKNOWN, NOT_OPEN }

    /** Field name → message key of each problem with a decision. */
    static Map<String, String> decisionProblems(String kind, String outcome, String grounds, String until,
                                                LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<RightsRequest.Outcome> o = parse(RightsRequest.Outcome.class, outcome);
        if (o.isEmpty()) {
            problems.put("outcome", "rights.error.outcome");
            return problems;
        }
        // PIPA Art. 35(3)/(4): only access may be postponed (or limited); the rest are granted or refused.
        if (o.get() == RightsRequest.Outcome.POSTPONED && !RightsRequest.Kind.ACCESS.name().equals(kind)) {
            problems.put("outcome", "rights.error.postpone-access-only");
        }
        if (o.get().needsGrounds() && blank(grounds)) {
            problems.put("grounds", "rights.error.grounds");
        } else if (!blank(grounds) && grounds.strip().length() > TEXT_MAX) {
            problems.put("grounds", "rights.error.long");
        }
        if (o.get() == RightsRequest.Outcome.POSTPONED) {
            Optional<LocalDate> date = date(until);
            if (date.isEmpty() || !date.get().isAfter(today)) {
                problems.put("until", "rights.error.until");
            }
        }
        return problems;
    }

    /** The outcome, with its grounds, mailed (with the ways to object when not granted in full) and on the status page. */
    Decision decide(UUID id, String outcome, String grounds, String until, AuditEvent by) {
        return database.fromTransaction(session -> {
            RightsRequest r = session.find(RightsRequest.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (r == null) {
                return Decision.UNKNOWN;
            }
            if (r.state() != RightsRequest.State.OPEN) {
                return Decision.NOT_OPEN;
            }
            Instant now = clock.instant();
            if (!decisionProblems(r.kind().name(), outcome, grounds, until, LocalDate.ofInstant(now, Dates.SEOUL))
                    .isEmpty()) {
                throw new IllegalArgumentException("invalid decision");
            }
            RightsRequest.Outcome o = RightsRequest.Outcome.valueOf(outcome);
            Instant postponedUntil = o == RightsRequest.Outcome.POSTPONED
                    ? Dates.startOfDay(date(until).orElseThrow()) : null;
            String text = blank(grounds) ? null : grounds.strip();
            r.decided(o, seal(text, "grounds", id), postponedUntil, by.actor(), now);
            Lang lang = Lang.parse(r.lang()).orElse(Lang.KO);
            // The status link went out with the receipt; the outcome mail says it all and points there.
            OutgoingMail mail = OutgoingMail.to(open(r.emailSealed(), "email", id), lang, "rights/mail/outcome")
                    .with("reference", r.reference())
                    .with("kind", Messages.resolve(lang.locale(), r.kind().key()))
                    .with("outcome", Messages.resolve(lang.locale(), o.key()))
                    .with("until", postponedUntil == null ? "" : Dates.date(postponedUntil, lang))
                    .with("objectable", Boolean.toString(o.objectable()));
            // PIPA Art. 38(5): anything short of a full grant says how to object, and where else to turn.
            outbox.enqueue(session, o.objectable() ? remedies.addTo(mail, text)
                    : mail.with("grounds", text == null ? "" : text));
            auditLog.record(session, by.withAction("rights.decided").target(TARGET, id).detail("outcome=" + o));
            return Decision.DONE;
        });
    }

    /** Open requests first by deadline, then the latest decided ones. */
    List<RightsViews.Row> queue() {
        return database.fromTransaction(session -> session.createSelectionQuery(
                        "from RightsRequest r order by case when r.state in (:open) then 0 else 1 end, r.dueAt, r.id",
                        RightsRequest.class)
                .setParameter("open", List.of(RightsRequest.State.PROVING, RightsRequest.State.OPEN))
                .setMaxResults(200).getResultList().stream().map(StaffRecorded::row).toList());
    }

    List<RightsViews.Row> open() {
        return database.fromTransaction(session -> session.createSelectionQuery(
                        "from RightsRequest r where r.state in (:open) order by r.dueAt, r.id", RightsRequest.class)
                .setParameter("open", List.of(RightsRequest.State.PROVING, RightsRequest.State.OPEN))
                .getResultList().stream().map(StaffRecorded::row).toList());
    }

    /** A request in full for staff; the view of its personal fields is audited. */
    Optional<RightsViews.Detail> detail(UUID id, AuditEvent by) {
        return database.fromTransaction(session -> Optional.ofNullable(session.find(RightsRequest.class, id))
                .map(r -> {
                    auditLog.record(session, by.withAction(AuditEvent.PERSONAL_DATA_VIEW).target(TARGET, id));
                    return detail(r);
                }));
    }

    /** The request behind a status link, as the requester sees it; each view is audited. */
    Optional<RightsViews.Detail> status(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{10,64}")) {
            return Optional.empty();
        }
        return database.fromTransaction(session -> session.createSelectionQuery(
                        "from RightsRequest r where r.statusTokenHash = :hash", RightsRequest.class)
                .setParameter("hash", Digests.sha256Hex(token)).uniqueResultOptional().map(r -> {
                    auditLog.record(session, AuditEvent.publicVisitor("rights.status-viewed").target(TARGET, r.id()));
                    return detail(r);
                }));
    }

    /** The open requests of a number, for the person's own rights page (in the caller's transaction). */
    List<RightsViews.OpenCase> openOf(Session session, String phoneHash) {
        return byNumber(session, phoneHash).stream().map(r -> new RightsViews.OpenCase("rights", r.id(),
                r.reference(), r.kind().key(), r.state().key(), r.receivedAt(), r.dueAt(),
                open(r.emailSealed(), "email", r.id()))).toList();
    }

    boolean correctEmail(Session session, String phoneHash, UUID id, String email) {
        Optional<RightsRequest> r = byNumber(session, phoneHash).stream().filter(x -> x.id().equals(id)).findFirst();
        r.ifPresent(x -> x.emailCorrected(seal(email, "email", id)));
        return r.isPresent();
    }

    private static List<RightsRequest> byNumber(Session session, String phoneHash) {
        return session.createSelectionQuery("from RightsRequest r where r.phoneHash = :hash and r.state in (:open)"
                        + " order by r.receivedAt, r.id", RightsRequest.class)
                .setParameter("hash", phoneHash)
                .setParameter("open", List.of(RightsRequest.State.PROVING, RightsRequest.State.OPEN))
                .getResultList();
    }

    private RightsViews.Detail detail(RightsRequest r) {
        return new RightsViews.Detail(row(r), open(r.authoritySealed(), "authority", r.id()),
                open(r.detailsSealed(), "details", r.id()), open(r.emailSealed(), "email", r.id()),
                Optional.ofNullable(open(r.groundsSealed(), "grounds", r.id())), Optional.ofNullable(r.postponedUntil()),
                Optional.ofNullable(r.decidedAt()), NumberProof.MAX_CODE_TRIES - r.codeAttempts(),
                r.outcome() != null && r.outcome().objectable(), Optional.ofNullable(r.erasedAt()));
    }

    private static RightsViews.Row row(RightsRequest r) {
        return new RightsViews.Row(r.id(), r.reference(), r.kind().key(), r.channel().key(), r.requester().key(),
                r.state().key(), r.state().name(), r.receivedAt(), r.dueAt(),
                Optional.ofNullable(r.outcome()).map(RightsRequest.Outcome::key));
    }

    static String statusPath(Lang lang, String token) {
        return "/" + lang.code() + "/rights/status/" + token;
    }

    private String seal(String value, String column, UUID id) {
        return blank(value) ? null : cipher.sealText(value.strip(), "rights." + column + ":" + id);
    }

    private String open(String sealed, String column, UUID id) {
        return sealed == null ? null : cipher.openText(sealed, "rights." + column + ":" + id);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        if (blank(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> date(String text) {
        try {
            return blank(text) ? Optional.empty() : Optional.of(LocalDate.parse(text.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
