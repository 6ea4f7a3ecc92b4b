package kr.jsoft.privacyportal.complaint;

import kr.jsoft.privacyportal.crypto.Digests;
import kr.jsoft.privacyportal.mail.EmailAddresses;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.audit.AuditEvent;
import kr.jsoft.privacyportal.audit.AuditLog;
import kr.jsoft.privacyportal.crypto.KeyedHash;
import kr.jsoft.privacyportal.mail.MailSettings;
import kr.jsoft.privacyportal.mail.OutgoingMail;
import kr.jsoft.privacyportal.mail.Outbox;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.ratelimit.PerNetwork;
import kr.jsoft.privacyportal.remedy.Remedies;
import kr.jsoft.privacyportal.ratelimit.RateLimiter;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.TooManyRequestsException;
import org.hibernate.Session;

/**
 * The public side of complaints: filing one (receipt mail to the complainant, alert without
 * the text to the privacy manager), the status page behind the secret link, the
 * complainant's further messages and the re-sent link.
 */
public final class ComplaintIntake {
    static final int DESCRIPTION_MAX = 5000;
    static final int NAME_MAX = 100;
    static final int EMAIL_MAX = 254;
    static final int PHONE_MAX = 30;
    static final RateLimiter.Limit LINK_PER_ADDRESS = RateLimiter.Limit.perHour(10);

    private final Database database;
    private final AuditLog auditLog;
    private final Outbox outbox;
    private final RateLimiter rateLimiter;
    private final CaseRecords records;
    private final ComplaintSettings settings;
    private final MailSettings mail;
    private final Remedies remedies;

    public ComplaintIntake(Database database, AuditLog auditLog, Outbox outbox, RateLimiter rateLimiter, CaseRecords records,
                    ComplaintSettings settings, MailSettings mail,
                    Remedies remedies) {
        this.database = database;
        this.auditLog = auditLog;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
        this.records = records;
        this.settings = settings;
        this.mail = mail;
        this.remedies = remedies;
    }

    /** Field name → message key of each problem with {@code submission}; empty when it may be filed. */
    public static Map<String, String> problems(ComplaintViews.Submission s) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (Category.parse(s.category()).isEmpty()) {
            problems.put("category", "complaint.error.category");
        }
        if (blank(s.description())) {
            problems.put("description", "complaint.error.description");
        } else if (s.description().strip().length() > DESCRIPTION_MAX) {
            problems.put("description", "complaint.error.description-long");
        }
        if (blank(s.name())) {
            problems.put("name", "complaint.error.name");
        } else if (s.name().strip().length() > NAME_MAX) {
            problems.put("name", "complaint.error.name-long");
        }
        if (blank(s.email()) || s.email().strip().length() > EMAIL_MAX || !EmailAddresses.isValid(s.email())) {
            problems.put("email", "complaint.error.email");
        }
        if (!blank(s.phone()) && (s.phone().strip().length() > PHONE_MAX
                || !s.phone().strip().matches("[0-9+()\\-. ]{4,30}"))) {
            problems.put("phone", "complaint.error.phone");
        }
        if (Lang.parse(s.language()).isEmpty()) {
            problems.put("language", "complaint.error.language");
        }
        return problems;
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * Files a valid submission (see {@link #problems}).
     *
     * @throws TooManyRequestsException past the limits per client address or per email address
     */
    public ComplaintViews.Receipt submit(ComplaintViews.Submission s, String clientAddress) {
        if (!problems(s).isEmpty()) {
            throw new IllegalArgumentException("invalid complaint: " + problems(s).keySet());
        }
        limit(rateLimiter.acquire("complaint.address", PerNetwork.of(clientAddress),
                RateLimiter.Limit.perHour(settings.perAddressPerHour())));
        limit(rateLimiter.acquire("complaint.email", CaseRecords.normalizeEmail(s.email()),
                RateLimiter.Limit.perHour(settings.perEmailPerHour())));
        return file(s);
    }

    private ComplaintViews.Receipt file(ComplaintViews.Submission s) {
        return database.fromTransaction(session -> {
            Instant now = records.now();
            Lang lang = Lang.parse(s.language()).orElseThrow();
            String reference = records.nextReference(session, now);
            UUID id = UUID.randomUUID();
            Complaint complaint = new Complaint(id, reference, Category.parse(s.category()).orElseThrow(), lang.code(),
                    now, now.plus(settings.due()));
            String email = CaseRecords.normalizeEmail(s.email());
            String token = records.newToken();
            complaint.seal(records.seal(s.name().strip(), "name", id), records.seal(email, "email", id),
                    blank(s.phone()) ? null : records.seal(s.phone().strip(), "phone", id),
                    records.emailHash(email), Digests.sha256Hex(token));
            records.phoneHash(s.phone()).ifPresent(complaint::phoneHash);
            session.persist(complaint);
            records.addEntry(session, complaint, ComplaintEntry.Kind.COMPLAINT, null, s.description().strip());
            outbox.enqueue(session, OutgoingMail.to(email, lang, "complaint/mail/receipt")
                    .with("reference", reference)
                    .with("dueDate", Dates.date(complaint.dueAt(), lang))
                    .withSecretLink("statusUrl", statusPath(lang, token)));
            // The alert names the case, never the complainant or the text: that stays in the portal.
            outbox.enqueue(session, OutgoingMail.to(mail.managerAlert().getAddress(), Lang.KO, "complaint/mail/alert")
                    .with("reference", reference)
                    .with("category", complaint.category().key())
                    .with("dueDate", Dates.date(complaint.dueAt(), Lang.KO))
                    .with("caseUrl", "/manager/complaints/" + id));
            auditLog.record(session, AuditEvent.publicVisitor("complaint.filed").target("complaint", id)
                    .detail("reference " + reference));
            return new ComplaintViews.Receipt(reference, token);
        });
    }

    /** An open complaint filed with a phone number, as its complainant's rights page shows it. */
    public record OpenOfNumber(UUID id, String reference, String categoryKey, String stateKey, Instant receivedAt,
                               Instant dueAt, String email) {
    }

    /** The lookup key of a phone number among complaints (empty unless a Korean mobile number). */
    public Optional<String> phoneHashOf(String phoneNumber) {
        return records.phoneHash(phoneNumber);
    }

    /** The open complaints filed with the number behind {@code phoneHash}, in the caller's transaction. */
    public List<OpenOfNumber> openOfNumber(Session session, String phoneHash) {
        return byPhoneHash(session, phoneHash).stream().map(c -> new OpenOfNumber(c.id(), c.reference(),
                c.category().key(), c.state().key(), c.receivedAt(), c.dueAt(),
                records.open(c.emailSealed(), "email", c.id()))).toList();
    }

    /** Replaces the email of an open complaint of the number (PIPA Art. 36); false if it is not one. */
    public boolean correctEmail(Session session, String phoneHash, UUID complaintId, String email) {
        Complaint complaint = byPhoneHash(session, phoneHash).stream().filter(c -> c.id().equals(complaintId))
                .findFirst().orElse(null);
        if (complaint == null) {
            return false;
        }
        String normalized = CaseRecords.normalizeEmail(email);
        complaint.emailCorrected(records.seal(normalized, "email", complaintId), records.emailHash(normalized));
        auditLog.record(session, AuditEvent.publicVisitor("complaint.email-corrected").target("complaint", complaintId));
        return true;
    }

    private static List<Complaint> byPhoneHash(Session session, String phoneHash) {
        return session.createSelectionQuery("from Complaint c where c.phoneHash = :hash and c.state in (:open)"
                        + " order by c.receivedAt, c.id", Complaint.class)
                .setParameter("hash", phoneHash)
                .setParameter("open", List.of(CaseState.RECEIVED, CaseState.IN_PROGRESS))
                .getResultList();
    }

    static String statusPath(Lang lang, String token) {
        return "/" + lang.code() + "/complaints/status/" + token;
    }

    /** The case behind a status link, as the complainant sees it; each view is audit-logged. */
    public Optional<ComplaintViews.Status> status(String token, Lang lang) {
        return database.fromTransaction(session -> find(session, token).map(c -> {
            auditLog.record(session, AuditEvent.publicVisitor(AuditEvent.PERSONAL_DATA_VIEW).target("complaint", c.id())
                    .detail("status page"));
            List<ComplaintViews.Message> conversation = records.entries(session, c.id()).stream()
                    .filter(e -> e.kind().shownToComplainant).map(records::message).toList();
            // The grounds are the refusal in the conversation above; the remedies add the rest.
            Optional<Remedies.Remedy> remedy = c.state() == CaseState.REFUSED
                    ? Optional.of(remedies.remedy(null, lang)) : Optional.empty();
            return new ComplaintViews.Status(c.reference(), c.category(), c.state(), c.receivedAt(), c.dueAt(),
                    conversation, remedy);
        }));
    }

    /** The complainant adds a message to an open case; false if the link is unknown or the case closed. */
    public boolean addMessage(String token, String text) {
        if (blank(text) || text.strip().length() > DESCRIPTION_MAX) {
            throw new IllegalArgumentException("message empty or too long");
        }
        return database.fromTransaction(session -> find(session, token).filter(c -> !c.state().closed()).map(c -> {
            records.addEntry(session, c, ComplaintEntry.Kind.COMPLAINANT, null, text.strip());
            outbox.enqueue(session, OutgoingMail.to(mail.managerAlert().getAddress(), Lang.KO, "complaint/mail/alert-message")
                    .with("reference", c.reference())
                    .with("caseUrl", "/manager/complaints/" + c.id()));
            auditLog.record(session, AuditEvent.publicVisitor("complaint.message-added").target("complaint", c.id()));
            return true;
        }).orElse(false));
    }

    /**
     * Mails a fresh status link if {@code reference} exists and {@code email} is its complainant's
     * address (the old link stops working: only the new token's hash is kept). Returns nothing
     * and behaves alike otherwise, so the answer never tells whether a reference exists.
     *
     * @throws TooManyRequestsException past the limits per client address or per email address
     */
    public void resendLink(String reference, String email, String clientAddress) {
        limit(rateLimiter.acquire("complaint.link.address", PerNetwork.of(clientAddress), LINK_PER_ADDRESS));
        String normalized = email == null ? "" : CaseRecords.normalizeEmail(email);
        limit(rateLimiter.acquire("complaint.link.email", normalized,
                RateLimiter.Limit.perHour(settings.perEmailPerHour())));
        String ref = reference == null ? "" : reference.strip().toUpperCase(java.util.Locale.ROOT);
        String hash = records.emailHash(normalized);
        database.inTransaction(session -> {
            Optional<Complaint> found = session.createSelectionQuery("from Complaint c where c.reference = :ref",
                    Complaint.class).setParameter("ref", ref).uniqueResultOptional();
            if (found.isEmpty() || !KeyedHash.same(found.get().emailHash(), hash)) {
                auditLog.record(session, AuditEvent.publicVisitor("complaint.link-requested").detail("no match"));
                return;
            }
            Complaint c = found.get();
            Lang lang = Lang.parse(c.lang()).orElse(Lang.KO);
            String token = records.newToken();
            c.newStatusToken(Digests.sha256Hex(token));
            outbox.enqueue(session, OutgoingMail.to(normalized, lang, "complaint/mail/link")
                    .with("reference", c.reference())
                    .withSecretLink("statusUrl", statusPath(lang, token)));
            auditLog.record(session, AuditEvent.publicVisitor("complaint.link-requested").target("complaint", c.id())
                    .detail("new link mailed"));
        });
    }

    private static Optional<Complaint> find(Session session, String token) {
        if (token == null || token.length() < 16 || token.length() > 64) {
            return Optional.empty();
        }
        return session.createSelectionQuery("from Complaint c where c.statusTokenHash = :hash", Complaint.class)
                .setParameter("hash", Digests.sha256Hex(token)).uniqueResultOptional();
    }

    private static void limit(RateLimiter.Decision decision) {
        if (!decision.allowed()) {
            long minutes = Math.max(1, (decision.retryAfter().toSeconds() + 59) / 60);
            throw new TooManyRequestsException(decision.retryAfter(), "Too many requests from here. Please try again in "
                    + minutes + (minutes == 1 ? " minute." : " minutes.") + " / 요청이 너무 많습니다. " + minutes
                    + "분 후에 다시 시도해 주세요.");
        }
    }
}
