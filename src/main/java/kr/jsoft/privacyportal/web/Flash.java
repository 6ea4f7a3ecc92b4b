package kr.jsoft.privacyportal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The result of an action, shown once on the page the action redirects to (POST-redirect-GET):
 * the servlet calls {@code Flash.done(request, "complaint.flash.replied", reference)} before its
 * redirect, and {@link View} hands it to the next page it renders in that session as
 * {@code resultMessage}. Message key and plain arguments (text, numbers) only: the page words it in the
 * reader's language. Sessions live in the database, hence {@link Serializable}.
 */
public record Flash(Kind kind, String messageKey, List<Serializable> args) implements Serializable {
    static final String ATTRIBUTE = Flash.class.getName();

    /** A success (green, {@code role=status}) or a refusal that needs the reader's attention. */
    public enum Kind { DONE, REFUSED }

    public Flash {
        args = List.copyOf(args);
    }

    public static void done(HttpServletRequest request, String messageKey, Serializable... args) {
        put(request, new Flash(Kind.DONE, messageKey, Arrays.asList(args)));
    }

    public static void refused(HttpServletRequest request, String messageKey, Serializable... args) {
        put(request, new Flash(Kind.REFUSED, messageKey, Arrays.asList(args)));
    }

    private static void put(HttpServletRequest request, Flash flash) {
        request.getSession(true).setAttribute(ATTRIBUTE, flash);
    }

    /** The waiting message of this session, removed so it shows once. */
    static Flash take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Flash flash)) {
            return null;
        }
        session.removeAttribute(ATTRIBUTE);
        return flash;
    }

    public Object[] argsArray() {
        return args.toArray();
    }

    public boolean refused() {
        return kind == Kind.REFUSED;
    }
}
