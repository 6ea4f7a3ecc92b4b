package kr.jsoft.privacyportal.device;

import java.util.Locale;

/** The platform a device runs; the API spells it in lower case ({@code android}, {@code ios}, {@code web}). */
public enum DevicePlatform {
    ANDROID, IOS, WEB;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
