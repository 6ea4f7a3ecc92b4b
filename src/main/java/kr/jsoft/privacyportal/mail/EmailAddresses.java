package kr.jsoft.privacyportal.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** The one check of what counts as an email address, for every form and API that takes one. */
public final class EmailAddresses {
    private EmailAddresses() {
    }

    /** Whether {@code email} is an address we can mail (syntax only; a confirmation or reply proves the rest). */
    public static boolean isValid(String email) {
        if (email == null || email.isBlank() || email.strip().length() > 254 || !email.contains("@")) {
            return false;
        }
        try {
            new InternetAddress(email.strip(), true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
