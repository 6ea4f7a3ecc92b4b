package kr.jsoft.privacyportal.device;

import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * What the registry tells other features, inside the transaction that made the change, so their
 * reaction (e.g. queuing a NOTIFY command) commits or rolls back with it. The command channel
 * implements it; the interface lives here so that the registry does not depend on the feature built
 * on it.
 */
public interface DeviceEvents {

    /**
     * A device has just been activated under a phone number that already has other active devices:
     * those devices should be told (NOTIFY), so that a registration nobody expected is noticed.
     *
     * @param newDeviceId       the device just activated
     * @param otherActiveDevices the number's other active devices (never empty)
     */
    default void newDeviceRegistered(Session session, UUID newDeviceId, List<UUID> otherActiveDevices) {
    }

    /** A device's row is about to be deleted (unregistered or inactive): erase whatever else belongs to it. */
    default void deviceErased(Session session, UUID deviceId) {
    }
}
