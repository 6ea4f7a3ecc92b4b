package kr.jsoft.privacyportal.device;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.jsoft.privacyportal.persistence.Locks;
import org.hibernate.Session;

/** The device table's queries, each a small method that takes the caller's session. */
final class DeviceQueries {
    private DeviceQueries() {
    }

    static Device lockedById(Session session, UUID id) {
        return session.find(Device.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    static List<Device> byIds(Session session, java.util.Collection<UUID> ids) {
        return session.createSelectionQuery("from Device d where d.id in :ids", Device.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    static List<Device> activeByPhoneHash(Session session, String phoneHash) {
        return session.createSelectionQuery(
                        "from Device d where d.phoneHash = :hash and d.state = :active order by d.activatedAt, d.id",
                        Device.class)
                .setParameter("hash", phoneHash)
                .setParameter("active", DeviceState.ACTIVE)
                .getResultList();
    }

    static List<Device> byPhoneHash(Session session, String phoneHash) {
        return session.createSelectionQuery("from Device d where d.phoneHash = :hash order by d.createdAt, d.id",
                        Device.class)
                .setParameter("hash", phoneHash)
                .getResultList();
    }

    static Device byThumbprint(Session session, String thumbprint) {
        return session.createSelectionQuery("from Device d where d.keyThumbprint = :thumbprint", Device.class)
                .setParameter("thumbprint", thumbprint)
                .getSingleResultOrNull();
    }

    /**
     * Locked, skipping rows another transaction holds (an instance erasing them, or a check-in that
     * makes the device active again): each device is erased, and audited, once.
     */
    static List<Device> inactiveSince(Session session, Instant cutoff, int limit) {
        return Locks.skipLocked(session.createSelectionQuery(
                        "from Device d where d.state = :active and d.lastCheckInAt < :cutoff order by d.lastCheckInAt",
                        Device.class)
                .setParameter("active", DeviceState.ACTIVE)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit))
                .getResultList();
    }

    /** Locked like {@link #inactiveSince}. */
    static List<Device> pendingExpiredBefore(Session session, Instant now, int limit) {
        return Locks.skipLocked(session.createSelectionQuery(
                        "from Device d where d.state = :pending and d.codeExpiresAt <= :now order by d.codeExpiresAt",
                        Device.class)
                .setParameter("pending", DeviceState.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit))
                .getResultList();
    }

    static List<Object[]> countsByPlatformAndState(Session session) {
        return session.createSelectionQuery(
                        "select d.platform, d.state, count(d) from Device d group by d.platform, d.state", Object[].class)
                .getResultList();
    }

    static List<Device> latestCheckIns(Session session, int limit) {
        return session.createSelectionQuery(
                        "from Device d where d.lastCheckInAt is not null order by d.lastCheckInAt desc, d.id", Device.class)
                .setMaxResults(limit)
                .getResultList();
    }

    static long countActivatedSince(Session session, Instant since) {
        return session.createSelectionQuery(
                        "select count(d) from Device d where d.state = :active and d.activatedAt >= :since", Long.class)
                .setParameter("active", DeviceState.ACTIVE)
                .setParameter("since", since)
                .getSingleResult();
    }
}
