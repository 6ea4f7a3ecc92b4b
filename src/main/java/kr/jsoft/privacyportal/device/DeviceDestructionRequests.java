package kr.jsoft.privacyportal.device;

import java.util.Optional;
import java.util.UUID;

/**
 * The device API's door to destruction requests (the {@code destruction} package implements it;
 * the interface lives here so that the device feature does not depend on the feature built on it).
 * The device's {@code Device-Signature} has been verified before the call: it is the approval.
 */
public interface DeviceDestructionRequests {

    /**
     * Destroys all data of the device's number on every device registered under it and on the portal.
     *
     * @param email an address for the certificate, or null (checked for form by the caller)
     * @param lang  {@code ko} or {@code en}
     * @return the request, or empty if the device is not active
     */
    Optional<Accepted> request(UUID deviceId, String email, String lang);

    /** The request's reference and its secret status page (a path). */
    record Accepted(String reference, String statusPath) {
        @Override
        public String toString() {
            return "Accepted[" + reference + "]";
        }
    }
}
