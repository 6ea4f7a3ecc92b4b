/**
 * Reading settings: {@link kr.jsoft.privacyportal.config.Env} turns environment variables into
 * typed values and names the variable in every {@link kr.jsoft.privacyportal.config.SettingsException},
 * so a bad value stops start-up with one line naming it; {@link kr.jsoft.privacyportal.config.Mode}
 * says whether development stand-ins (embedded mailbox, SMS inbox, generated keys) are allowed.
 * Each feature's {@code *Settings} reads its own variables with them; the root {@code Settings}
 * gathers them. A package of its own because every feature imports it: in the root package, which
 * imports every feature, it tied them all into one cycle.
 */
package kr.jsoft.privacyportal.config;
