package kr.jsoft.privacyportal.destruction;

import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.device.DeviceDestructionRequests;
import kr.jsoft.privacyportal.web.Lang;

/** The device API's in-app "destroy my data": the same process, approved by the device's signature. */
final class DestructionDoor implements DeviceDestructionRequests {
    private final DestructionIntake intake;

    public DestructionDoor(DestructionIntake intake) {
        this.intake = intake;
    }

    @Override
    public Optional<Accepted> request(UUID deviceId, String email, String lang) {
        Lang language = Lang.parse(lang).orElse(Lang.KO);
        return intake.requestFromDevice(deviceId, email, language).map(s -> new Accepted(s.reference(),
                DestructionIntake.statusPath(language, s.statusToken())));
    }
}
