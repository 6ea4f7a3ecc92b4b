package kr.jsoft.privacyportal.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

/**
 * Thymeleaf messages from {@code i18n/<feature>_<lang>.properties}: the part of the key
 * before the first dot names the feature's bundle ({@code policy.title} comes from
 * {@code i18n/policy_en.properties}); keys without a feature bundle fall back to
 * {@code i18n/messages}. Each feature thus owns its own message file.
 */
public final class Messages extends AbstractMessageResolver {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] params) {
        return resolve(context.getLocale(), key, params);
    }

    public static String resolve(Locale locale, String key, Object... params) {
        String text = lookup(bundleName(key), locale, key);
        if (text == null) {
            text = lookup("messages", locale, key);
        }
        if (text == null) {
            return null;
        }
        return params == null || params.length == 0 ? text : new MessageFormat(text, locale).format(params);
    }

    private static String bundleName(String key) {
        int dot = key.indexOf('.');
        return dot > 0 ? key.substring(0, dot) : "messages";
    }

    private static String lookup(String bundle, Locale locale, String key) {
        try {
            ResourceBundle resources = ResourceBundle.getBundle("i18n." + bundle, locale, Messages.class.getClassLoader(),
                    NO_FALLBACK);
            return resources.containsKey(key) ? resources.getString(key) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                    Object[] params) {
        return "??" + key + "_" + context.getLocale().getLanguage() + "??";
    }
}
