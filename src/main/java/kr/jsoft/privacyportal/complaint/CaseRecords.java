package kr.jsoft.privacyportal.complaint;

import kr.jsoft.privacyportal.persistence.YearlyReferences;
import kr.jsoft.privacyportal.crypto.SecretTokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kr.jsoft.privacyportal.crypto.DataCipher;
import kr.jsoft.privacyportal.crypto.KeyedHash;
import kr.jsoft.privacyportal.web.Dates;
import org.hibernate.Session;

/**
 * What the complaint services share about stored cases: sealing and opening personal fields
 * (each bound to its row and column), the per-year reference counter, status tokens, timeline
 * entries and how urgent a case is.
 */
public final class CaseRecords {
    private static final YearlyReferences REFERENCES = new YearlyReferences("C", "complaint_counter", "last_value");
    public static final List<Class<?>> ENTITIES = List.of(Complaint.class, ComplaintEntry.class,
            DigestDay.class);
    /** Cases due within this are highlighted and listed in the daily digest. */
    static final Duration DUE_SOON = Duration.ofDays(2);

    private final DataCipher cipher;
    private final KeyedHash hash;
    private final SecureRandom random;
    private final Clock clock;

    public CaseRecords(DataCipher cipher, KeyedHash hash, SecureRandom random, Clock clock) {
        this.cipher = cipher;
        this.hash = hash;
        this.random = random;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    String seal(String value, String column, UUID id) {
        return value == null || value.isEmpty() ? null : cipher.sealText(value, "complaint." + column + ":" + id);
    }

    String open(String sealed, String column, UUID id) {
        return sealed == null ? null : cipher.openText(sealed, "complaint." + column + ":" + id);
    }

    String emailHash(String email) {
        return hash.hash("complaint.email", normalizeEmail(email));
    }

    /**
     * The keyed hash a complainant's phone number is filed under (its own purpose, so it matches
     * no other feature's hash); empty unless it is a Korean mobile number, the only kind a person
     * can prove and so look up.
     */
    java.util.Optional<String> phoneHash(String phone) {
        if (phone == null || !kr.jsoft.privacyportal.sms.PhoneNumbers.isKoreanMobile(phone)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(hash.hash("complaint.phone", kr.jsoft.privacyportal.sms.PhoneNumbers.toE164(phone)));
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** A fresh 128-bit status token (base64url) for the secret link. */
    String newToken() {
        return SecretTokens.newToken(random, 16);
    }

    /** The next reference of the Seoul year of {@code at}: {@code C-2026-000123}. */
    String nextReference(Session session, Instant at) {
        return REFERENCES.next(session, at.atZone(Dates.SEOUL).getYear());
    }

    ComplaintEntry addEntry(Session session, Complaint complaint, ComplaintEntry.Kind kind, String author, String body) {
        UUID id = UUID.randomUUID();
        ComplaintEntry entry = new ComplaintEntry(id, complaint.id(), kind, author, seal(body, "entry", id), now());
        session.persist(entry);
        return entry;
    }

    List<ComplaintEntry> entries(Session session, UUID complaintId) {
        return session.createSelectionQuery(
                "from ComplaintEntry e where e.complaintId = :id order by e.createdAt, e.id", ComplaintEntry.class)
                .setParameter("id", complaintId).getResultList();
    }

    ComplaintViews.Message message(ComplaintEntry entry) {
        return new ComplaintViews.Message(entry.kind().name(), entry.authorName(),
                open(entry.bodySealed(), "entry", entry.id()), entry.createdAt());
    }

    ComplaintViews.Urgency urgency(Complaint complaint) {
        return urgency(complaint.state(), complaint.dueAt(), now());
    }

    static ComplaintViews.Urgency urgency(CaseState state, Instant dueAt, Instant now) {
        if (state.closed()) {
            return ComplaintViews.Urgency.NONE;
        }
        if (now.isAfter(dueAt)) {
            return ComplaintViews.Urgency.OVERDUE;
        }
        return now.plus(DUE_SOON).isAfter(dueAt) ? ComplaintViews.Urgency.DUE_SOON : ComplaintViews.Urgency.NONE;
    }
}
