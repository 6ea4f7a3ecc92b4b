package kr.jsoft.privacyportal.command;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.StaffMember;
import kr.jsoft.privacyportal.staff.WorkItem;
import kr.jsoft.privacyportal.staff.WorkSource;

/**
 * The day's work from the command channel: commands that failed or expired in the last week (a
 * device never woke, never fetched, or reported failure). Overdue from the moment they ended;
 * the action is the device's command history, with the attempts and "retry wake-up".
 */
final class CommandWork implements WorkSource {
    static final Duration LOOK_BACK = Duration.ofDays(7);
    private final Commands commands;

    CommandWork(Commands commands) {
        this.commands = commands;
    }

    @Override
    public List<WorkItem> due(StaffMember viewer, Instant now) {
        if (viewer.role() == Role.AUDITOR) {
            return List.of();
        }
        return commands.failedSince(now.minus(LOOK_BACK), 50).stream()
                .map(c -> new WorkItem("command.work.failed",
                        List.of(new WorkItem.Words("command.kind." + c.kind().name()),
                                new WorkItem.Words("command.state." + c.state().name())),
                        c.deviceId().toString().substring(0, 8), c.finishedAt().orElse(c.expiresAt()),
                        "command.work.clock", "/manager/commands/" + c.deviceId() + "/" + c.id(), "command.work.act"))
                .toList();
    }
}
