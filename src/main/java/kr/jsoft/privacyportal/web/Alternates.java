package kr.jsoft.privacyportal.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The model entries {@code layout.html} uses to link a page's twin in the other language. */
public final class Alternates {
    private Alternates() {
    }

    /**
     * {@code alternates} (language code → address, for {@code hreflang} links in the head, with
     * {@code x-default} the bare address that picks the visitor's language) and
     * {@code otherLangUrl} (the language switch) for the page at {@code /{lang}{path}}.
     */
    public static Map<String, Object> of(Lang lang, String path) {
        Map<String, String> alternates = new LinkedHashMap<>();
        alternates.put("ko", "/ko" + path);
        alternates.put("en", "/en" + path);
        alternates.put("x-default", path);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("alternates", alternates);
        model.put("otherLangUrl", "/" + lang.other().code() + path);
        return model;
    }
}
