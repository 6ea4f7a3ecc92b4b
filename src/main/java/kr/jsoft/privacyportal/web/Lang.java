package kr.jsoft.privacyportal.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/** The two languages of the portal. Korean is the default: the company and its law are Korean. */
public enum Lang {
    KO(Locale.KOREAN), EN(Locale.ENGLISH);

    public static final String COOKIE = "lang";
    private final Locale locale;

    Lang(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Lang other() {
        return this == KO ? EN : KO;
    }

    public static Optional<Lang> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "ko" -> Optional.of(KO);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    /** The language of this page: its {@code /ko/} or {@code /en/} prefix, else the visitor's preference. */
    public static Lang of(HttpServletRequest request) {
        return prefix(request.getRequestURI()).orElseGet(() -> preferred(request));
    }

    /**
     * The language of a container error page: the prefix of the address that failed (the error
     * dispatch's own address is the JSP's), else the visitor's preference.
     */
    public static Lang ofErrorPage(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return (failed instanceof String path ? prefix(path) : Optional.<Lang>empty())
                .orElseGet(() -> preferred(request));
    }

    private static Optional<Lang> prefix(String path) {
        if (path != null && path.length() >= 3 && path.charAt(0) == '/' && (path.length() == 3 || path.charAt(3) == '/')) {
            return parse(path.substring(1, 3));
        }
        return Optional.empty();
    }

    /** The remembered choice (cookie), else {@code Accept-Language}, else Korean. */
    public static Lang preferred(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    Optional<Lang> chosen = parse(cookie.getValue());
                    if (chosen.isPresent()) {
                        return chosen.get();
                    }
                }
            }
        }
        var locales = request.getLocales();
        if (request.getHeader("Accept-Language") != null) {
            while (locales.hasMoreElements()) {
                Optional<Lang> accepted = parse(locales.nextElement().getLanguage());
                if (accepted.isPresent()) {
                    return accepted.get();
                }
            }
        }
        return KO;
    }
}
