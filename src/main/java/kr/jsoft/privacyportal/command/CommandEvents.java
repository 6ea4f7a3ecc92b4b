package kr.jsoft.privacyportal.command;

import java.util.List;
import java.util.UUID;
import kr.jsoft.privacyportal.device.DeviceEvents;
import org.hibernate.Session;

/**
 * The command feature's answer to the registry's events, in the registry's own transaction: a new
 * device under a number sends a {@code NOTIFY} to the number's other devices; an erased device's
 * open commands fail.
 */
final class CommandEvents implements DeviceEvents {
    private final Commands commands;

    public CommandEvents(Commands commands) {
        this.commands = commands;
    }

    @Override
    public void newDeviceRegistered(Session session, UUID newDeviceId, List<UUID> otherActiveDevices) {
        for (UUID other : otherActiveDevices) {
            commands.notify(session, other, Notice.newDeviceRegistered(), "new-device:" + newDeviceId,
                    Commands.DEFAULT_EXPIRY);
        }
    }

    @Override
    public void deviceErased(Session session, UUID deviceId) {
        commands.failOpenCommandsOf(session, deviceId);
    }
}
