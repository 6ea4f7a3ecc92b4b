package kr.jsoft.privacyportal.device;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import kr.jsoft.privacyportal.staff.DashboardPanel;
import kr.jsoft.privacyportal.staff.PanelItem;
import kr.jsoft.privacyportal.staff.StaffMember;

/**
 * "What needs attention": devices activated in the last 24 hours. Each one is a number that can
 * now be wiped through that device; a burst is the first sign of false registrations. One count
 * query per home-page visit.
 */
final class DevicePanel implements DashboardPanel {
    static final Duration WINDOW = Duration.ofHours(24);

    private final DeviceReports reports;
    private final Clock clock;

    public DevicePanel(DeviceReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public Optional<PanelItem> attention(StaffMember viewer) {
        long recent = reports.activatedSince(clock.instant().minus(WINDOW));
        return recent == 0 ? Optional.empty()
                : Optional.of(new PanelItem("device.attention.activated", recent, "/manager/devices"));
    }
}
