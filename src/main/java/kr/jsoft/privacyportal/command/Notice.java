package kr.jsoft.privacyportal.command;

import java.util.Objects;

/**
 * What a {@code NOTIFY} shows. The text travels in the signed command to the device only (never
 * through a push service) and is kept with the command: it must not contain personal data.
 *
 * @param code    a stable machine-readable name, e.g. {@code new-device-registered} (apps may localise by it)
 * @param message the text to show, 1..500 characters
 */
public record Notice(String code, String message) {
    public Notice {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!code.matches("[a-z0-9-]{1,60}")) {
            throw new IllegalArgumentException("notice code must be 1..60 of [a-z0-9-]");
        }
        if (message.isBlank() || message.length() > 500) {
            throw new IllegalArgumentException("notice message must be 1..500 characters");
        }
    }

    /** What the registry's new-device event sends to a number's other devices. */
    public static Notice newDeviceRegistered() {
        return new Notice("new-device-registered",
                "새 기기가 회원님의 번호로 등록되었습니다. 본인이 아니라면 개인정보 보호책임자에게 알려 주세요."
                        + " / A new device was registered to your number. If this was not you, tell the privacy manager.");
    }
}
