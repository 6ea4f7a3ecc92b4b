package kr.jsoft.privacyportal.staff;

import java.util.Locale;

/**
 * The tasks the dashboard's navigation is grouped by, in the order they are listed: what a
 * privacy manager looks for is "the requests I handle" or "the policy", not a feature's name.
 */
public enum NavGroup {
    /** The home page: the day's work. */
    TODAY,
    /** Requests from people: complaints, destruction requests, the devices they concern. */
    CASES,
    /** The privacy policy, its revisions and notices. */
    POLICY,
    /** Mail and other deliveries to people. */
    DELIVERY,
    /** Charts and counts over weeks and months. */
    STATISTICS,
    /** Oversight: accounts, the audit log, access-record reviews. */
    OVERSIGHT;

    /** Message key of the group's heading, in {@code manager_*.properties}. */
    public String labelKey() {
        return "manager.group." + name().toLowerCase(Locale.ROOT);
    }
}
