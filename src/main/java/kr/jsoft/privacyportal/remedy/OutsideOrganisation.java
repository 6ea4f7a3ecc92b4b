package kr.jsoft.privacyportal.remedy;

import java.util.Locale;
import kr.jsoft.privacyportal.web.Lang;

/** An outside organisation for remedies: its names in both languages, website (host) and phone. */
public record OutsideOrganisation(String ko, String en, String website, String phone) {

    public String name(Lang lang) {
        return lang == Lang.KO ? ko : en;
    }

    public String websiteUrl() {
        return "https://" + website;
    }

    /**
     * A website as written in a policy ({@code http://www.1336.or.kr/}) reduced to its host
     * ({@code 1336.or.kr}), so two lists compare by where they send people, not by spelling.
     */
    public static String host(String website) {
        if (website == null) {
            return "";
        }
        String host = website.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
        int slash = host.indexOf('/');
        host = slash < 0 ? host : host.substring(0, slash);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /** A phone number's digits only ({@code 1833-6972} → {@code 18336972}). */
    public static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("[^0-9]", "");
    }
}
