package kr.jsoft.privacyportal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnfavourableChangesTest {
    private static PolicyMetadata.Facts facts(List<PolicyMetadata.Item> items, List<PolicyMetadata.Item> purposes,
                                              List<PolicyMetadata.Retention> retention,
                                              List<PolicyMetadata.ThirdParty> thirdParties,
                                              List<PolicyMetadata.Consignee> consignees) {
        return new PolicyMetadata.Facts(items, purposes, retention, thirdParties, consignees, null, List.of());
    }

    private static final PolicyMetadata.Item PHONE = new PolicyMetadata.Item("phone", "Phone", "전화");
    private static final PolicyMetadata.Item APP = new PolicyMetadata.Item("app", "App", "앱");
    private static final PolicyMetadata.Facts BASE = facts(List.of(PHONE), List.of(APP),
            List.of(new PolicyMetadata.Retention("phone", 30, "30 days", "30일")), List.of(), List.of());

    @Test
    void theSameFactsAreNotUnfavourable() {
        assertThat(UnfavourableChanges.between(BASE, BASE)).isEmpty();
    }

    @Test
    void removingAnItemOrShorteningRetentionIsNotUnfavourable() {
        PolicyMetadata.Facts fewer = facts(List.of(), List.of(APP),
                List.of(new PolicyMetadata.Retention("phone", 7, "7 days", "7일")), List.of(), List.of());
        assertThat(UnfavourableChanges.between(BASE, fewer)).isEmpty();
    }

    @Test
    void eachAddedFactIsNamed() {
        PolicyMetadata.Facts more = facts(
                List.of(PHONE, new PolicyMetadata.Item("email", "Email", "이메일")),
                List.of(APP, new PolicyMetadata.Item("ads", "Ads", "광고")),
                List.of(new PolicyMetadata.Retention("phone", 30, "30 days", "30일")),
                List.of(new PolicyMetadata.ThirdParty("partner", "Partner Co.", "marketing", "마케팅")),
                List.of(new PolicyMetadata.Consignee("sms", "SMS Co.", "KR", "sending SMS", "SMS 발송")));

        assertThat(UnfavourableChanges.between(BASE, more))
                .extracting(UnfavourableChanges.Change::kind, UnfavourableChanges.Change::id)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(UnfavourableChanges.Kind.ITEM_ADDED, "email"),
                        org.assertj.core.groups.Tuple.tuple(UnfavourableChanges.Kind.PURPOSE_ADDED, "ads"),
                        org.assertj.core.groups.Tuple.tuple(UnfavourableChanges.Kind.THIRD_PARTY_ADDED, "partner"),
                        org.assertj.core.groups.Tuple.tuple(UnfavourableChanges.Kind.CONSIGNEE_ADDED, "sms"));
    }

    @Test
    void aLongerOrOpenEndedRetentionIsUnfavourable() {
        PolicyMetadata.Facts longer = facts(List.of(PHONE), List.of(APP),
                List.of(new PolicyMetadata.Retention("phone", 31, "31 days", "31일")), List.of(), List.of());
        PolicyMetadata.Facts openEnded = facts(List.of(PHONE), List.of(APP),
                List.of(new PolicyMetadata.Retention("phone", null, "while used", "이용 기간")), List.of(), List.of());

        assertThat(UnfavourableChanges.between(BASE, longer)).extracting(UnfavourableChanges.Change::kind)
                .containsExactly(UnfavourableChanges.Kind.RETENTION_LENGTHENED);
        assertThat(UnfavourableChanges.between(BASE, openEnded)).extracting(UnfavourableChanges.Change::kind)
                .containsExactly(UnfavourableChanges.Kind.RETENTION_LENGTHENED);
        assertThat(UnfavourableChanges.between(openEnded, BASE)).isEmpty();
    }

    @Test
    void aConsigneeMovingFromKoreaToTheUsaIsUnfavourableThoughItsIdStays() {
        PolicyMetadata.Facts korea = facts(List.of(PHONE), List.of(APP), List.of(), List.of(),
                List.of(new PolicyMetadata.Consignee("sms", "SMS Co.", "KR", "sending SMS", "SMS 발송")));
        PolicyMetadata.Facts usa = facts(List.of(PHONE), List.of(APP), List.of(), List.of(),
                List.of(new PolicyMetadata.Consignee("sms", "SMS Co.", "US", "sending SMS", "SMS 발송")));

        assertThat(UnfavourableChanges.between(korea, usa)).extracting(UnfavourableChanges.Change::kind, UnfavourableChanges.Change::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(UnfavourableChanges.Kind.CONSIGNEE_CHANGED, "sms"));
        assertThat(UnfavourableChanges.between(usa, korea)).extracting(UnfavourableChanges.Change::kind)
                .containsExactly(UnfavourableChanges.Kind.CONSIGNEE_CHANGED);
    }

    @Test
    void anOverseasTransferOfMoreItemsIsUnfavourable() {
        PolicyMetadata.Localized said = new PolicyMetadata.Localized("x", "엑스");
        PolicyMetadata.OverseasTransfer pushOnly = new PolicyMetadata.OverseasTransfer("fcm", "US", "Google LLC",
                "contact", List.of("push-address"), said, said, said, said);
        PolicyMetadata.OverseasTransfer pushAndPhone = new PolicyMetadata.OverseasTransfer("fcm", "US", "Google LLC",
                "contact", List.of("push-address", "phone"), said, said, said, said);
        PolicyMetadata.Facts before = new PolicyMetadata.Facts(List.of(PHONE), List.of(APP), List.of(), List.of(),
                List.of(), null, List.of(), List.of(pushOnly));
        PolicyMetadata.Facts after = new PolicyMetadata.Facts(List.of(PHONE), List.of(APP), List.of(), List.of(),
                List.of(), null, List.of(), List.of(pushAndPhone));

        assertThat(UnfavourableChanges.between(before, after)).extracting(UnfavourableChanges.Change::kind)
                .containsExactly(UnfavourableChanges.Kind.TRANSFER_ADDED);
        assertThat(UnfavourableChanges.between(after, before)).isEmpty();
    }
}
