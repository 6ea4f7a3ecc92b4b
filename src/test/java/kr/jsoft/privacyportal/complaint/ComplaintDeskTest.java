package kr.jsoft.privacyportal.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplaintDeskTest {
    static final Instant DUE = Instant.parse("2026-12-10T03:00:00Z");

    @Test
    void medianOfAnOddCountIsTheMiddleAndOfAnEvenCountTheMeanOfTheTwoMiddles() {
        assertThat(ComplaintDesk.median(List.of(Duration.ofHours(5), Duration.ofHours(1), Duration.ofHours(3))))
                .isEqualTo(Duration.ofHours(3));
        assertThat(ComplaintDesk.median(List.of(Duration.ofHours(4), Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofHours(10)))).isEqualTo(Duration.ofHours(3));
        assertThat(ComplaintDesk.median(List.of())).isNull();
    }

    @Test
    void openCasesAreDueSoonWithinTwoDaysAndOverdueAfterTheirDueDate() {
        assertThat(CaseRecords.urgency(CaseState.RECEIVED, DUE, DUE.minus(Duration.ofDays(3))))
                .isEqualTo(ComplaintViews.Urgency.NONE);
        assertThat(CaseRecords.urgency(CaseState.IN_PROGRESS, DUE, DUE.minus(Duration.ofDays(1))))
                .isEqualTo(ComplaintViews.Urgency.DUE_SOON);
        assertThat(CaseRecords.urgency(CaseState.RECEIVED, DUE, DUE.plusSeconds(1)))
                .isEqualTo(ComplaintViews.Urgency.OVERDUE);
        assertThat(CaseRecords.urgency(CaseState.RESOLVED, DUE, DUE.plus(Duration.ofDays(5))))
                .as("closed cases are never urgent").isEqualTo(ComplaintViews.Urgency.NONE);
    }

    @Test
    void eachFieldWithAProblemIsNamed() {
        var problems = ComplaintIntake.problems(new ComplaintViews.Submission("nonsense", " ", "", "x@", "abc", "fr"));
        assertThat(problems).containsOnlyKeys("category", "description", "name", "email", "phone", "language");
        assertThat(ComplaintIntake.problems(new ComplaintViews.Submission("ACCESS", "Show me.", "Kim",
                "kim@example.com", "", "ko"))).isEmpty();
    }
}
