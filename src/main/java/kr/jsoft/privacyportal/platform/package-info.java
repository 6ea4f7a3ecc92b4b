/**
 * What feature factories receive: {@link kr.jsoft.privacyportal.platform.Cores}, built once at
 * start-up, and the {@link kr.jsoft.privacyportal.platform.WebServer} in which features register
 * their servlets, filters and background workers.
 */
package kr.jsoft.privacyportal.platform;
