package kr.jsoft.privacyportal.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of rights requests that need no server: who must show authority, what may be postponed, the clocks. */
class RightsRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");

    private static StaffRecorded.Form form(String requester, String authority) {
        return new StaffRecorded.Form("ACCESS", "PHONE", requester, authority, "", "010-1234-5678",
                "person@example.kr", "ko");
    }

    @Test
    void anAgentWithoutARecordedPowerOfAttorneyIsRefused() {
        assertThat(StaffRecorded.problems(form("AGENT", " "))).containsEntry("authority", "rights.error.authority.agent");
        assertThat(StaffRecorded.problems(form("AGENT", "Kim; power of attorney seen"))).isEmpty();
    }

    @Test
    void aChildsLegalRepresentativeMustRecordTheirAuthorityButThePersonNeedsNone() {
        assertThat(StaffRecorded.problems(form("LEGAL_REPRESENTATIVE", "")))
                .containsEntry("authority", "rights.error.authority.representative");
        assertThat(StaffRecorded.problems(form("SELF", ""))).isEmpty();
    }

    @Test
    void aNumberThatIsNotAKoreanMobileOneCannotBeProvenAndIsRefused() {
        StaffRecorded.Form landline = new StaffRecorded.Form("ACCESS", "MAIL", "SELF", "", "", "02-123-4567",
                "person@example.kr", "en");
        assertThat(StaffRecorded.problems(landline)).containsOnlyKeys("phone");
    }

    @Test
    void onlyAnAccessRequestMayBePostponedAndOnlyToALaterDay() {
        assertThat(StaffRecorded.decisionProblems("CORRECTION", "POSTPONED", "Police inquiry.", "2026-12-10", TODAY))
                .containsEntry("outcome", "rights.error.postpone-access-only");
        assertThat(StaffRecorded.decisionProblems("ACCESS", "POSTPONED", "Police inquiry.", "2026-11-30", TODAY))
                .containsEntry("until", "rights.error.until");
        assertThat(StaffRecorded.decisionProblems("ACCESS", "POSTPONED", "Police inquiry.", "2026-12-10", TODAY))
                .isEmpty();
    }

    @Test
    void everythingShortOfAFullGrantStatesItsGrounds() {
        for (String outcome : new String[] {"REFUSED", "PARTLY_GRANTED", "POSTPONED"}) {
            assertThat(StaffRecorded.decisionProblems("ACCESS", outcome, "", "2026-12-10", TODAY))
                    .as(outcome).containsEntry("grounds", "rights.error.grounds");
        }
        assertThat(StaffRecorded.decisionProblems("ACCESS", "GRANTED", "", "", TODAY)).isEmpty();
        assertThat(RightsRequest.Outcome.GRANTED.objectable()).isFalse();
        assertThat(RightsRequest.Outcome.PARTLY_GRANTED.objectable()).isTrue();
    }

    @Test
    void theResultIsDueTenDaysAfterReceipt() {
        RightsRequest request = new RightsRequest(UUID.randomUUID(), "R-2026-000001", RightsRequest.Kind.ACCESS,
                RightsRequest.Channel.PHONE, RightsRequest.Requester.SELF, "ko", "hash", "staff:1", NOW,
                NOW.plus(StaffRecorded.DEADLINE));
        assertThat(Duration.between(request.receivedAt(), request.dueAt())).isEqualTo(Duration.ofDays(10));
        assertThat(request.state().open()).isTrue();
    }

    @Test
    void theOwnPageIsOpenForThirtyMinutesAfterTheProofAndNeverBefore() {
        RightsProof proof = new RightsProof(UUID.randomUUID(), "ko", RightsProof.Way.SMS, "hash", null, "42",
                "token-hash", "code-hash", NOW, NOW.plusSeconds(600));
        assertThat(proof.open(NOW)).isFalse();
        proof.proven(NOW);
        assertThat(proof.open(NOW.plus(Duration.ofMinutes(29)))).isTrue();
        assertThat(proof.open(NOW.plus(RightsProof.PAGE_LIFETIME))).isFalse();
        assertThat(proof.codeHash()).as("the code is forgotten once used").isNull();
    }

    @Test
    void anUnprovenNumberForgetsItsHashesAtOnce() {
        RightsProof proof = new RightsProof(UUID.randomUUID(), "ko", RightsProof.Way.DEVICE, "hash", "complaint-hash",
                "42", "token-hash", null, NOW, NOW.plusSeconds(300));
        proof.cancelled();
        assertThat(proof.phoneHash()).isNull();
        assertThat(proof.complaintPhoneHash()).isNull();
        assertThat(proof.open(NOW)).isFalse();
    }
}
