package kr.jsoft.privacyportal.config;

/** A setting with a bad or missing value; the message is one line naming the setting. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String setting, String problem) {
        super(setting + ": " + problem);
    }
}
