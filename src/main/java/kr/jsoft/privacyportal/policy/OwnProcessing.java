package kr.jsoft.privacyportal.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.jsoft.privacyportal.mail.MailSettings;
import kr.jsoft.privacyportal.push.PushSettings;
import kr.jsoft.privacyportal.sms.SmsSettings;

/**
 * What this portal itself processes, declared in code and derived from what is configured, so
 * that it can be compared with the policy in force ({@link UndisclosedProcessing}): the items and
 * their longest retention, the purposes, the consignees (PIPA Art. 26) and the overseas transfers
 * (Art. 28-8). Ids are those of {@code policies/README.md}'s facts; the labels people read are in
 * the policy bundle under {@code policy.own.<id>}. When the code starts processing something new,
 * it is declared here, and the dashboard shows it as undisclosed until a version in force says so.
 *
 * @param items       every item with its longest retention in days (null: open-ended)
 * @param purposes    purpose ids
 * @param consignees  processors entrusted with a task; {@code name} null when the operator is unknown
 * @param transfers   overseas transfers (to a consignee, or to the push service a device chose)
 */
record OwnProcessing(List<PolicyMetadata.Retention> items, List<String> purposes,
                     List<PolicyMetadata.Consignee> consignees, List<Transfer> transfers) {

    /** An overseas transfer as the code makes it: to whom, where, which items. */
    record Transfer(String id, String country, String recipient, List<String> items) {
    }

    /** What is configured: which outside services carry personal information. */
    record Configured(boolean sens, boolean fcm, boolean webPush, Optional<MailSettings.SmtpOperator> smtpRelay,
                      boolean smtpRelayUnnamed, int sentMailDays) {
        static Configured from(SmsSettings sms, PushSettings push, MailSettings mail) {
            return new Configured(sms.provider() == SmsSettings.Provider.SENS, push.fcm().isPresent(), true,
                    mail.smtpOperator(), mail.smtpOperator().isEmpty() && mail.relaysThroughAnotherHost(),
                    (int) Math.max(1, mail.retention().toDays()));
        }
    }

    static final String SMTP_RELAY = "smtp-relay";
    static final String WEB_PUSH = "web-push-services";

    static OwnProcessing of(Configured configured) {
        List<PolicyMetadata.Retention> items = new ArrayList<>(List.of(
                // device registry: until unregistered, destroyed, or stale (no fixed number of days)
                item("push-address", null), item("device-public-key", null), item("device-details", null),
                item("phone-number-hash", null),
                // a verification code lives 10 minutes
                item("sms-verification-code", 1),
                item("destruction-request-details", null),
                // complaints: 3 years after closing (complaint/package-info.java), then anonymised
                item("complainant-email", 1096), item("complainant-name", 1096), item("complaint-messages", 1096),
                // rights requests: 3 years after the decision (PORTAL_RIGHTS_RETENTION), then anonymised
                item("rights-request-details", 1096),
                item("subscriber-email", null),
                item("sent-emails", configured.sentMailDays()),
                item("staff-access-records", null),
                item("visitor-request-counters", 1)));
        List<String> purposes = List.of("destruction-and-remote-wipe", "device-registration-verification",
                "complaint-handling", "revision-notices", "security");
        List<PolicyMetadata.Consignee> consignees = new ArrayList<>();
        List<Transfer> transfers = new ArrayList<>();
        if (configured.sens()) {
            consignees.add(new PolicyMetadata.Consignee("naver-cloud-sens", "NAVER Cloud Corp.", "KR", null, null));
        }
        if (configured.fcm()) {
            consignees.add(new PolicyMetadata.Consignee("google-fcm", "Google LLC", "US", null, null));
            transfers.add(new Transfer("google-fcm", "US", "Google LLC", List.of("push-address")));
        }
        if (configured.webPush()) {
            // A device's Web Push endpoint belongs to the push service its browser or distributor uses
            // (Mozilla, Google, Apple …), operated abroad: every wake-up sends the address there.
            transfers.add(new Transfer(WEB_PUSH, "US", null, List.of("push-address")));
        }
        configured.smtpRelay().ifPresent(operator -> {
            consignees.add(new PolicyMetadata.Consignee(SMTP_RELAY, operator.name(), operator.country(), null, null));
            if (!"KR".equals(operator.country())) {
                transfers.add(new Transfer(SMTP_RELAY, operator.country(), operator.name(),
                        List.of("complainant-email", "subscriber-email", "sent-emails")));
            }
        });
        if (configured.smtpRelayUnnamed()) {
            consignees.add(new PolicyMetadata.Consignee(SMTP_RELAY, null, null, null, null));
        }
        return new OwnProcessing(List.copyOf(items), purposes, List.copyOf(consignees), List.copyOf(transfers));
    }

    private static PolicyMetadata.Retention item(String id, Integer maxDays) {
        return new PolicyMetadata.Retention(id, maxDays, null, null);
    }
}
