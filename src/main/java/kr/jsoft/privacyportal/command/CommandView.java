package kr.jsoft.privacyportal.command;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A command as other features and the dashboard see it.
 *
 * @param reference   the caller's own opaque reference (e.g. {@code destruction:<id>}), if it gave one
 * @param answer      for a completed {@code APPROVE_REQUEST}: the user's signed answer
 * @param counts      for a completed {@code WIPE_APP_DATA}: what the device reports it deleted, by kind
 * @param failure     for {@code FAILED}: why (the device's reason or "device erased")
 * @param wakeUps     push attempts so far
 * @param nextWakeAt  when the next push is due (empty once finished)
 */
public record CommandView(UUID id, UUID deviceId, CommandKind kind, Optional<String> reference, CommandState state,
                          Instant createdAt, Instant expiresAt, Optional<Instant> wokenAt, Optional<Instant> fetchedAt,
                          Optional<Instant> startedAt, Optional<Instant> finishedAt, Optional<Answer> answer,
                          Map<String, Long> counts, Optional<String> failure, int wakeUps,
                          Optional<String> lastPushOutcome, Optional<Instant> lastPushAt, Optional<Instant> nextWakeAt) {

    /** Failed and expired commands are what a manager must look at. */
    public boolean needsAttention() {
        return state == CommandState.FAILED || state == CommandState.EXPIRED;
    }

    /** The manager may ask for another wake-up while the command is still open. */
    public boolean canRetryWakeUp() {
        return !state.isFinal();
    }
}
