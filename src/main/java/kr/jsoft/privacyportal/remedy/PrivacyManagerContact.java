package kr.jsoft.privacyportal.remedy;

/** How to reach the privacy manager, who decides on objections (from the policy in force). */
public record PrivacyManagerContact(String email, String phone) {
}
