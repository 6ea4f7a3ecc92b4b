package kr.jsoft.privacyportal.audit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import kr.jsoft.privacyportal.persistence.Database;
import kr.jsoft.privacyportal.persistence.Inserts;
import org.hibernate.Session;

/**
 * Once a day the chain head (last sequence number and hash) is signed with the portal's
 * ES256 signing key as a JWS and kept outside the table: a file per day in
 * {@code <data>/audit-heads/YYYY-MM-DD.jws} on the instance that signed it, and whatever
 * {@link #onSigned} listeners do with it (the mail feature mails it). The {@code audit_head}
 * row of the day makes the signature once a day across instances. Someone who rewrites the table's tail and its chain
 * cannot re-sign these heads, so {@link AuditTrail#verify} finds the rewrite.
 */
public final class AuditHeads {
    /** The portal's day: jsoft and its law are Korean. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
    static final String ISSUER = "smart-callback-privacy-portal";

    private final Database database;
    private final AuditLog auditLog;
    private final ECKey signingKey;
    private final Path directory;
    private final Clock clock;
    private final String instanceId;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** A signed chain head: entries up to {@code seq}, the last of which has {@code hash}. */
    public record SignedHead(LocalDate day, long seq, String hash, Instant signedAt, String jws, Path file) {
    }

    /** A stored head file that does not verify (bad signature or unreadable). */
    public record BadHead(Path file, String problem) {
    }

    /** Told about each newly signed head inside the signing transaction (e.g. to enqueue a mail). */
    public interface Listener {
        void signed(Session session, SignedHead head);
    }

    /** @param instanceId this portal instance, recorded with each head it signs (its file is on this instance) */
    public AuditHeads(Database database, AuditLog auditLog, ECKey signingKey, Path directory, Clock clock,
                      String instanceId) {
        this.database = database;
        this.auditLog = auditLog;
        this.signingKey = signingKey;
        this.directory = directory;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    /** Called with every newly signed head, in the transaction that records it (e.g. to mail it). */
    public void onSigned(Listener listener) {
        listeners.add(listener);
    }

    /**
     * The daily job: signs the head unless today's is signed already, here or on another
     * instance. The day's {@code audit_head} row is inserted in the same transaction as the
     * audit entry and whatever the listeners do (the mail), so each day's head is signed and
     * mailed once however many instances run this job; an instance that dies before its
     * commit leaves the day unsigned for the next run.
     */
    public Optional<SignedHead> signIfDue() {
        return database.fromTransaction(session -> sign(session, false));
    }

    /** Signs the current head now and writes (or replaces) today's file and row. */
    public SignedHead sign() {
        return database.fromTransaction(session -> sign(session, true)).orElseThrow();
    }

    private Optional<SignedHead> sign(Session session, boolean again) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZONE);
        if (!again && !session.createNativeQuery("select head_day from audit_head where head_day = ?1", String.class)
                .setParameter(1, day.toString()).getResultList().isEmpty()) {
            return Optional.empty();
        }
        // Locked as AuditLog.record locks it: the head signed is the one our own entry below follows.
        AuditChainHead head = session.find(AuditChainHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        long seq = head.lastSeq();
        String hash = head.lastHash();
        boolean first = Inserts.ifAbsent(session, "insert into audit_head (head_day, seq, hash, signed_at, signed_by)"
                + " values (?, ?, ?, ?, ?)", day.toString(), seq, hash, now, instanceId);
        if (!first && !again) {
            return Optional.empty();
        }
        if (!first) {
            session.createNativeMutationQuery("update audit_head set seq = ?1, hash = ?2, signed_at = ?3,"
                            + " signed_by = ?4 where head_day = ?5")
                    .setParameter(1, seq).setParameter(2, hash).setParameter(3, now)
                    .setParameter(4, instanceId).setParameter(5, day.toString())
                    .executeUpdate();
        }
        String jws = jws(day, seq, hash, now);
        Path file = fileFor(day);
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, "head", ".tmp");
            Files.writeString(tmp, jws + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signed audit head " + file, e);
        }
        // This entry advances the head past the one just signed (the entity above is the same row).
        auditLog.record(session, AuditEvent.system("audit.head-signed").detail("seq=" + seq + " day=" + day));
        SignedHead signed = new SignedHead(day, seq, hash, now, jws, file);
        listeners.forEach(listener -> listener.signed(session, signed));
        return Optional.of(signed);
    }

    private String jws(LocalDate day, long seq, String hash, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .issueTime(Date.from(now))
                .claim("day", day.toString())
                .claim("seq", seq)
                .claim("hash", hash)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID())
                .type(new JOSEObjectType("audit-head+jwt")).build(), claims);
        try {
            jwt.sign(new ECDSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the audit head", e);
        }
        return jwt.serialize();
    }

    Path fileFor(LocalDate day) {
        return directory.resolve(day + ".jws");
    }

    /** Every stored head whose signature verifies, and every file that does not. */
    Stored stored() {
        List<SignedHead> good = new ArrayList<>();
        List<BadHead> bad = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return new Stored(good, bad);
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jws")).sorted().toList()) {
                try {
                    SignedJWT jwt = SignedJWT.parse(Files.readString(file, StandardCharsets.US_ASCII).strip());
                    if (!jwt.verify(new ECDSAVerifier(signingKey.toPublicJWK()))) {
                        bad.add(new BadHead(file, "signature does not verify"));
                        continue;
                    }
                    JWTClaimsSet claims = jwt.getJWTClaimsSet();
                    good.add(new SignedHead(LocalDate.parse(claims.getStringClaim("day")), claims.getLongClaim("seq"),
                            claims.getStringClaim("hash"), claims.getIssueTime().toInstant(), jwt.serialize(), file));
                } catch (ParseException | JOSEException | RuntimeException e) {
                    bad.add(new BadHead(file, "not a signed audit head"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Stored(good, bad);
    }

    record Stored(List<SignedHead> heads, List<BadHead> bad) {
    }
}
