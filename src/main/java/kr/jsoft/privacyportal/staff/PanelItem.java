package kr.jsoft.privacyportal.staff;

/**
 * One line of "what needs attention": the message key (from the feature's bundle; it may
 * use {@code {0}} for the count), how many things wait, and the dashboard page to open.
 */
public record PanelItem(String messageKey, long count, String href) {
}
