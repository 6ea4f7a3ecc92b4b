package kr.jsoft.privacyportal.config;

/** How the portal treats outside services: stand-ins are allowed only in development. */
public enum Mode {
    DEVELOPMENT, PRODUCTION;

    public boolean isProduction() {
        return this == PRODUCTION;
    }
}
