package kr.jsoft.privacyportal.command;

import org.hibernate.Session;

/**
 * Told about a command's progress inside the transaction that records it, so a feature's reaction
 * (e.g. the destruction request moving on when the device approves) commits or rolls back with it.
 * Called when a command becomes {@code STARTED}, {@code COMPLETED}, {@code FAILED} or {@code EXPIRED}.
 * Find your own commands by {@link CommandView#reference()}.
 */
@FunctionalInterface
public interface CommandListener {
    void commandChanged(Session session, CommandView command);
}
