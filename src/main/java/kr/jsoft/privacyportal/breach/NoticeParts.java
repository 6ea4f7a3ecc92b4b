package kr.jsoft.privacyportal.breach;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of the notice the privacy manager writes, in both languages (PIPA Art. 34(1) items 2-4):
 * how and when it happened, what the person can do to reduce the harm, and what jsoft has done with
 * the remedies. The portal fills the rest (items, times, contact, where to seek redress).
 */
record NoticeParts(String circumstancesKo, String circumstancesEn, String whatToDoKo, String whatToDoEn,
                   String measuresKo, String measuresEn) {
    static final int MAX = 2000;
    static final String[] FIELDS = {"circumstancesKo", "circumstancesEn", "whatToDoKo", "whatToDoEn", "measuresKo",
        "measuresEn"};

    NoticeParts {
        circumstancesKo = strip(circumstancesKo);
        circumstancesEn = strip(circumstancesEn);
        whatToDoKo = strip(whatToDoKo);
        whatToDoEn = strip(whatToDoEn);
        measuresKo = strip(measuresKo);
        measuresEn = strip(measuresEn);
    }

    static NoticeParts empty() {
        return new NoticeParts("", "", "", "", "", "");
    }

    public String get(String field) {
        return switch (field) {
            case "circumstancesKo" -> circumstancesKo;
            case "circumstancesEn" -> circumstancesEn;
            case "whatToDoKo" -> whatToDoKo;
            case "whatToDoEn" -> whatToDoEn;
            case "measuresKo" -> measuresKo;
            case "measuresEn" -> measuresEn;
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** Too long, whether sending or saving a draft. */
    Map<String, String> tooLong() {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (get(field).length() > MAX) {
                errors.put(field, "breach.error.too-long");
            }
        }
        return errors;
    }

    /** What stops the notice going out: every part in both languages is required (Art. 34(1)). */
    Map<String, String> missingForSending() {
        Map<String, String> errors = tooLong();
        for (String field : FIELDS) {
            if (get(field).isEmpty()) {
                errors.putIfAbsent(field, "breach.error.notice-part");
            }
        }
        return errors;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip().replace("\r\n", "\n");
    }
}
