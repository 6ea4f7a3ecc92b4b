package kr.jsoft.privacyportal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What features add to {@code /readyz}'s body for operators: findings that do not make the
 * instance unready (it serves on) but must not go unseen, e.g. the policy's self-check. Each
 * supplier is asked on every request, so it answers from memory.
 */
public final class ReadinessDetails {
    private final Map<String, Supplier<Object>> details = new ConcurrentHashMap<>();

    public void add(String name, Supplier<Object> detail) {
        if (details.putIfAbsent(name, detail) != null) {
            throw new IllegalArgumentException("readiness detail registered twice: " + name);
        }
    }

    Map<String, Object> collect() {
        Map<String, Object> collected = new LinkedHashMap<>();
        details.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> collected.put(e.getKey(), e.getValue().get()));
        return collected;
    }
}
