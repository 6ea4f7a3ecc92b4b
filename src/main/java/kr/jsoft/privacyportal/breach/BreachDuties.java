package kr.jsoft.privacyportal.breach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the law asks of jsoft for one incident, worked out from its facts (no clock, no database):
 * PIPA Art. 34 and Enforcement Decree Arts. 39-40 as amended in 2023.
 */
record BreachDuties(Instant deadline, long peopleCounted, CountBasis basis, boolean report,
                    List<ReportReason> reportReasons, boolean publicNotice) {
    /** Art. 34(1), Decree Arts. 39(1) and 40(1): notice and report within 72 hours of learning of the leak. */
    static final Duration DEADLINE = Duration.ofHours(72);
    /** Decree Art. 40(1) 1: a leak of 1,000 or more people's information must be reported. */
    static final long REPORT_THRESHOLD = 1000;
    /** Decree Art. 39: where people cannot be reached, a notice on the website for at least 30 days. */
    static final int PUBLIC_NOTICE_DAYS = 30;

    /** Why the regulator (PIPC or KISA) must have a report; one or more apply. */
    enum ReportReason {
        THOUSAND_OR_MORE, SENSITIVE_OR_UNIQUE_IDENTIFIER, OUTSIDE_HACKING;

        public String key() {
            return "breach.reason." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** What the number of people rests on, as the pages and the report say it. */
    enum CountBasis {
        /** The registry's active devices in the scope: people without a registered device are missing. */
        REGISTERED_DEVICES,
        /** The devices the manager listed that are still registered. */
        LISTED_DEVICES,
        /** The manager's estimate, larger than the devices counted. */
        ESTIMATE;

        public String key() {
            return "breach.duty.count." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The facts the rules read. */
    record Facts(Instant discoveredAt, IncidentScope scope, long devicesCounted, Integer estimatedPeople,
                 boolean sensitive, boolean outsideHacking) {
    }

    /**
     * The individual notice is always owed. The people counted are the affected devices (a person may
     * own two, but every registered person has one) or the manager's estimate, whichever is larger; the
     * registry only knows registered devices, so for any scope but an exact device list the count is a
     * lower bound, and an estimate beyond it is what the report threshold is held against.
     */
    static BreachDuties of(Facts facts) {
        long people = Math.max(facts.devicesCounted(),
                facts.estimatedPeople() == null ? 0 : facts.estimatedPeople());
        List<ReportReason> reasons = new ArrayList<>();
        if (people >= REPORT_THRESHOLD) {
            reasons.add(ReportReason.THOUSAND_OR_MORE);
        }
        if (facts.sensitive()) {
            reasons.add(ReportReason.SENSITIVE_OR_UNIQUE_IDENTIFIER);
        }
        if (facts.outsideHacking()) {
            reasons.add(ReportReason.OUTSIDE_HACKING);
        }
        CountBasis basis = facts.estimatedPeople() != null && facts.estimatedPeople() > facts.devicesCounted()
                ? CountBasis.ESTIMATE
                : facts.scope() == IncidentScope.DEVICE_LIST ? CountBasis.LISTED_DEVICES : CountBasis.REGISTERED_DEVICES;
        return new BreachDuties(facts.discoveredAt().plus(DEADLINE), people, basis, !reasons.isEmpty(),
                List.copyOf(reasons), facts.scope() == IncidentScope.UNREACHABLE);
    }

    /** Counted by registered devices only: the true number may be larger. */
    public boolean countIsLowerBound() {
        return basis == CountBasis.REGISTERED_DEVICES;
    }

    /** Time left until the 72-hour deadline (negative once past). */
    Duration left(Instant now) {
        return Duration.between(now, deadline);
    }
}
