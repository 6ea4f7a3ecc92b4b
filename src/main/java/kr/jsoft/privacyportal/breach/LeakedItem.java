package kr.jsoft.privacyportal.breach;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The items an incident can concern: the app's items on the phone (what the privacy policy has always
 * declared) and what the portal itself processes (as its own policy revision declares them; same ids).
 * Labels are in the breach bundles under {@code breach.item.<id>}.
 */
enum LeakedItem {
    MOBILE_PHONE_NUMBER, BUSINESS_CARD_IMAGES, CONTACTS,
    PUSH_ADDRESS, DEVICE_PUBLIC_KEY, DEVICE_DETAILS, PHONE_NUMBER_HASH, DESTRUCTION_REQUEST_DETAILS,
    COMPLAINANT_NAME, COMPLAINANT_EMAIL, COMPLAINANT_PHONE, COMPLAINT_MESSAGES, SUBSCRIBER_EMAIL, SENT_EMAILS,
    STAFF_ACCESS_RECORDS, RIGHTS_REQUEST_DETAILS;

    /** The id the privacy policy's metadata uses for the item. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String key() {
        return "breach.item." + id();
    }

    /** The items kept on the phone by the app rather than by the portal. */
    public boolean onPhone() {
        return ordinal() <= CONTACTS.ordinal();
    }

    static Optional<LeakedItem> parse(String id) {
        return Arrays.stream(values()).filter(i -> i.id().equals(id)).findFirst();
    }
}
