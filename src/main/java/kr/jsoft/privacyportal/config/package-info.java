/**
 * Reading settings: {@link kr.jsoft.privacyportal.config.Env} turns environment variables into
 * typed values and names the variable in every {@link kr.jsoft.privacyportal.config.SettingsException};
 * {@link kr.jsoft.privacyportal.config.Mode} says whether stand-ins are allowed. Each feature's
 * {@code *Settings} reads its own variables with them; the root {@code Settings} gathers them.
 */
package kr.jsoft.privacyportal.config;
