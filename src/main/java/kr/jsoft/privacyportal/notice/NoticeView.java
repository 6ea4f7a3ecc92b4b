package kr.jsoft.privacyportal.notice;

import java.time.Instant;
import java.util.UUID;
import kr.jsoft.privacyportal.web.Lang;

/** A posted notice as pages and other features see it. */
public record NoticeView(UUID id, NoticeKind kind, String versionLabel, Instant postedAt, String titleKo,
                         String titleEn, String bodyKo, String bodyEn) {
    public String title(Lang lang) {
        return lang == Lang.KO ? titleKo : titleEn;
    }

    public String body(Lang lang) {
        return lang == Lang.KO ? bodyKo : bodyEn;
    }
}
