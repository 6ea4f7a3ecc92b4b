package kr.jsoft.privacyportal.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "record an incident" form's checks: per field, times read as Korean local time. */
class IncidentFormTest {
    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z"); // 12:00 KST

    @Test
    void aWindowIncidentIsReadInKoreanTime() {
        var checked = new IncidentForm("2026-12-01T11:00", "백업 서버 노출", List.of("contacts"), "WINDOW",
                "2026-11-30T09:00", "2026-12-01T09:00", "", "c-2026-000001", true, false, "1,200").check(NOW);
        assertThat(checked.errors()).isEmpty();
        IncidentForm.Valid valid = checked.valid().orElseThrow();
        assertThat(valid.discoveredAt()).isEqualTo(Instant.parse("2026-12-01T02:00:00Z"));
        assertThat(valid.windowFrom()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(valid.complaintReferences()).containsExactly("C-2026-000001");
        assertThat(valid.estimatedPeople()).isEqualTo(1200);
    }

    @Test
    void missingAndWrongFieldsAreRefusedOneMessageEach() {
        var checked = new IncidentForm("2026-12-01T13:00", " ", List.of("passwords"), "WINDOW", "2026-12-01T09:00",
                "2026-11-30T09:00", "", "12345", false, false, "-1").check(NOW);
        assertThat(checked.valid()).isEmpty();
        assertThat(checked.errors()).containsEntry("discoveredAt", "breach.error.future")
                .containsEntry("whatHappened", "breach.error.required")
                .containsEntry("items", "breach.error.items")
                .containsEntry("windowTo", "breach.error.window-order")
                .containsEntry("complaintReferences", "breach.error.complaint-format")
                .containsEntry("estimatedPeople", "breach.error.number");
    }

    @Test
    void aDeviceListNeedsValidIds() {
        var checked = new IncidentForm("2026-12-01T11:00", "로그에서 확인", List.of("contacts"), "DEVICE_LIST", "", "",
                "not-an-id", "", false, false, "").check(NOW);
        assertThat(checked.errors()).containsEntry("listedDevices", "breach.error.device-id");
    }
}
