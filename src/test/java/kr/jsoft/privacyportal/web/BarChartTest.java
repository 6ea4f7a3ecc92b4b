package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {
    private static BarChart chart(Double limit, BarChart.Group... groups) {
        return new BarChart("c", "title", "desc", List.of("open", "closed"), List.of(groups), limit, "limit");
    }

    @Test
    void stackedPartsSitOnEachOtherInsideThePlot() {
        BarChart c = chart(null, new BarChart.Group("11/30", List.of(2.0, 3.0)), new BarChart.Group("12/7", List.of(0.0, 1.0)));
        List<BarChart.Rect> rects = c.rects();
        assertThat(rects).hasSize(3).allSatisfy(r -> {
            assertThat(r.y()).isGreaterThanOrEqualTo(c.plotTop());
            assertThat(r.y() + r.height()).isLessThanOrEqualTo(c.plotBottom() + 0.1);
        });
        BarChart.Rect bottom = rects.get(0);
        BarChart.Rect top = rects.get(1);
        assertThat(top.y() + top.height()).isCloseTo(bottom.y(), org.assertj.core.data.Offset.offset(0.2));
        assertThat(bottom.cssClass()).isEqualTo("s0");
        assertThat(top.label()).isEqualTo("11/30 · closed: 3");
        assertThat(c.axisMax()).isEqualTo(5);
    }

    @Test
    void aLimitAboveEveryBarRaisesTheAxisAndIsDrawnAtItsHeight() {
        BarChart c = chart(10.0, new BarChart.Group("w", List.of(1.0, 2.0)));
        assertThat(c.axisMax()).isGreaterThanOrEqualTo(10);
        assertThat(c.limitY()).isBetween(c.plotTop(), c.plotBottom());
        assertThat(chart(null, new BarChart.Group("w", List.of(1.0, 2.0))).limitY()).isNull();
    }

    @Test
    void theTableBesideHoldsTheSameNumbers() {
        BarChart.Group g = new BarChart.Group("w", List.of(1.0, 2.5));
        BarChart c = chart(null, g);
        assertThat(c.cell(g, 0)).isEqualTo("1");
        assertThat(c.cell(g, 1)).isEqualTo("2.5");
        assertThat(c.total(g)).isEqualTo("3.5");
        assertThat(chart(null, new BarChart.Group("w", List.of(0.0, 0.0))).empty()).isTrue();
    }

    @Test
    void weeksStartOnMondayInSeoulAndCountBackFromThisWeek() {
        // Sunday 2026-12-06 23:30 in Seoul is still the week of Monday 11/30.
        Weeks weeks = new Weeks(Instant.parse("2026-12-06T14:30:00Z"), 3);
        assertThat(weeks.label(2)).isEqualTo("11/30");
        assertThat(weeks.label(0)).isEqualTo("11/16");
        assertThat(weeks.indexOf(Instant.parse("2026-11-29T15:00:00Z"))).isEqualTo(2);   // Monday 00:00 KST
        assertThat(weeks.indexOf(Instant.parse("2026-11-29T14:59:59Z"))).isEqualTo(1);
        assertThat(weeks.indexOf(Instant.parse("2026-11-01T00:00:00Z"))).isEqualTo(-1);
    }
}
