package kr.jsoft.privacyportal.breach;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One personal-information breach in the register. It holds no personal data: device ids are the
 * registry's opaque ids, complaint references the desk's own, and the texts are what the notice tells
 * everyone affected. The notice's text is kept as sent ({@code noticeKo/En}) and never changes after.
 */
@Entity
@Table(name = "breach_incident")
class BreachIncident {
    @Id
    private UUID id;
    @Column(nullable = false, length = 20)
    private String reference;
    @Column(name = "discovered_at", nullable = false)
    private Instant discoveredAt;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @Column(name = "what_happened", nullable = false, length = 4000)
    private String whatHappened;
    @Column(nullable = false, length = 1000)
    private String items;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private IncidentScope scope;
    @Column(name = "window_from")
    private Instant windowFrom;
    @Column(name = "window_to")
    private Instant windowTo;
    @Column(name = "listed_devices", length = 100000)
    private String listedDevices;
    @Column(name = "complaint_references", length = 2000)
    private String complaintReferences;
    @Column(name = "outside_hacking", nullable = false)
    private boolean outsideHacking;
    @Column(nullable = false)
    private boolean sensitive;
    @Column(name = "estimated_people")
    private Integer estimatedPeople;
    @Column(name = "circumstances_ko", length = 4000)
    private String circumstancesKo;
    @Column(name = "circumstances_en", length = 4000)
    private String circumstancesEn;
    @Column(name = "what_to_do_ko", length = 4000)
    private String whatToDoKo;
    @Column(name = "what_to_do_en", length = 4000)
    private String whatToDoEn;
    @Column(name = "measures_ko", length = 4000)
    private String measuresKo;
    @Column(name = "measures_en", length = 4000)
    private String measuresEn;
    @Column(name = "notice_ko", length = 30000)
    private String noticeKo;
    @Column(name = "notice_en", length = 30000)
    private String noticeEn;
    @Column(name = "notice_sent_at")
    private Instant noticeSentAt;
    @Column(name = "devices_at_notice")
    private Integer devicesAtNotice;
    @Column(name = "devices_done_at")
    private Instant devicesDoneAt;
    @Column(name = "devices_after")
    private UUID devicesAfter;
    @Column(name = "complainant_mails", nullable = false)
    private int complainantMails;
    @Column(name = "public_notice_id")
    private UUID publicNoticeId;
    @Column(name = "public_notice_until")
    private Instant publicNoticeUntil;
    @Column(name = "report_submitted_at")
    private Instant reportSubmittedAt;
    @Column(name = "report_submitted_to", length = 10)
    private String reportSubmittedTo;

    protected BreachIncident() {
    }

    BreachIncident(UUID id, String reference, Instant recordedAt, IncidentForm.Valid facts) {
        this.id = id;
        this.reference = reference;
        this.recordedAt = recordedAt;
        this.discoveredAt = facts.discoveredAt();
        this.whatHappened = facts.whatHappened();
        this.items = facts.items().stream().map(LeakedItem::id).collect(Collectors.joining(","));
        this.scope = facts.scope();
        this.windowFrom = facts.windowFrom();
        this.windowTo = facts.windowTo();
        this.listedDevices = facts.listedDevices().isEmpty() ? null
                : facts.listedDevices().stream().map(UUID::toString).collect(Collectors.joining(","));
        this.complaintReferences = facts.complaintReferences().isEmpty() ? null
                : String.join(",", facts.complaintReferences());
        this.outsideHacking = facts.outsideHacking();
        this.sensitive = facts.sensitive();
        this.estimatedPeople = facts.estimatedPeople();
    }

    void draft(NoticeParts parts) {
        circumstancesKo = parts.circumstancesKo();
        circumstancesEn = parts.circumstancesEn();
        whatToDoKo = parts.whatToDoKo();
        whatToDoEn = parts.whatToDoEn();
        measuresKo = parts.measuresKo();
        measuresEn = parts.measuresEn();
    }

    void sent(String ko, String en, Instant now, int devices, int complainants) {
        noticeKo = ko;
        noticeEn = en;
        noticeSentAt = now;
        devicesAtNotice = devices;
        complainantMails = complainants;
        if (devices == 0) {
            devicesDoneAt = now;
        }
    }

    void devicesReached(UUID last, Instant doneAtOrNull) {
        devicesAfter = last;
        devicesDoneAt = doneAtOrNull;
    }

    void publicNotice(UUID noticeId, Instant until) {
        publicNoticeId = noticeId;
        publicNoticeUntil = until;
    }

    void reportSubmitted(Instant at, String to) {
        reportSubmittedAt = at;
        reportSubmittedTo = to;
    }

    UUID id() { return id; }
    String reference() { return reference; }
    Instant discoveredAt() { return discoveredAt; }
    Instant recordedAt() { return recordedAt; }
    String whatHappened() { return whatHappened; }
    IncidentScope scope() { return scope; }
    Instant windowFrom() { return windowFrom; }
    Instant windowTo() { return windowTo; }
    boolean outsideHacking() { return outsideHacking; }
    boolean sensitive() { return sensitive; }
    Integer estimatedPeople() { return estimatedPeople; }
    String noticeKo() { return noticeKo; }
    String noticeEn() { return noticeEn; }
    Instant noticeSentAt() { return noticeSentAt; }
    Integer devicesAtNotice() { return devicesAtNotice; }
    Instant devicesDoneAt() { return devicesDoneAt; }
    UUID devicesAfter() { return devicesAfter; }
    int complainantMails() { return complainantMails; }
    UUID publicNoticeId() { return publicNoticeId; }
    Instant publicNoticeUntil() { return publicNoticeUntil; }
    Instant reportSubmittedAt() { return reportSubmittedAt; }
    String reportSubmittedTo() { return reportSubmittedTo; }

    List<LeakedItem> items() {
        return Arrays.stream(items.split(",")).map(LeakedItem::parse).flatMap(java.util.Optional::stream).toList();
    }

    List<UUID> listedDevices() {
        return listedDevices == null ? List.of() : Arrays.stream(listedDevices.split(",")).map(UUID::fromString).toList();
    }

    List<String> complaintReferences() {
        return complaintReferences == null ? List.of() : List.of(complaintReferences.split(","));
    }

    NoticeParts parts() {
        return new NoticeParts(circumstancesKo, circumstancesEn, whatToDoKo, whatToDoEn, measuresKo, measuresEn);
    }
}
