package kr.jsoft.privacyportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.jsoft.privacyportal.Settings;
import kr.jsoft.privacyportal.persistence.DatabaseSettings;
import kr.jsoft.privacyportal.persistence.H2Durability;
import kr.jsoft.privacyportal.crypto.PortalKeys;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** The chain catches edits made behind the application's back; the log never holds an email. */
class AuditTrailIT {

    @Test
    void alteringARowMakesVerificationFailAtThatRow() throws Exception {
        try (Portal portal = Portal.start()) {
            new StaffAccounts(portal.fixture).create(Role.STAFF);
            assertThat(portal.trail().verify().intact()).isTrue();

            portal.sql("UPDATE audit_entry SET detail = 'role=PRIVACY_MANAGER' WHERE seq = 3");

            AuditVerification result = portal.trail().verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBadSeq()).isEqualTo(3L);
            assertThat(result.problem()).contains("entry 3 was altered");
        }
    }

    @Test
    void deletingARowMakesVerificationNameTheRemovedRow() throws Exception {
        try (Portal portal = Portal.start()) {
            StaffAccounts staff = new StaffAccounts(portal.fixture);
            staff.create(Role.STAFF);
            portal.sql("DELETE FROM audit_entry WHERE seq = 4");

            AuditVerification result = portal.trail().verify();
            assertThat(result.firstBadSeq()).isEqualTo(4L);
            assertThat(result.problem()).contains("entry 4 was removed");

            try (WebClient auditor = staff.signedIn(Role.AUDITOR)) {
                HtmlPage page = auditor.getPage(portal.fixture.url("/manager/audit/verify"));
                assertThat(page.getElementById("verify-result").asNormalizedText()).contains("broken at entry 4");
            }
        }
    }

    @Test
    void rewritingTheTailIsCaughtByTheSignedDailyHead() throws Exception {
        try (Portal portal = Portal.start()) {
            new StaffAccounts(portal.fixture).create(Role.STAFF);
            AuditHeads.SignedHead head = portal.fixture.server().cores().auditHeads().sign();
            long signed = head.seq();
            // Remove the signed entry and everything after it, and make the head row agree: the chain is self-consistent.
            String previousHash = portal.query("SELECT hash FROM audit_entry WHERE seq = " + (signed - 1)).get(0);
            portal.sql("DELETE FROM audit_entry WHERE seq >= " + signed);
            portal.sql("UPDATE audit_chain_head SET last_seq = " + (signed - 1) + ", last_hash = '" + previousHash + "'");

            AuditVerification result = portal.trail().verify();
            assertThat(result.firstBadSeq()).isEqualTo(signed);
            assertThat(result.problem()).contains("was removed", "head signed on " + head.day());
        }
    }

    @Test
    void dailyHeadIsAJwsSignedWithThePortalKeyInAFileAndHandedToListeners() throws Exception {
        try (Portal portal = Portal.start()) {
            AuditHeads heads = portal.fixture.server().cores().auditHeads();
            List<AuditHeads.SignedHead> mailed = new ArrayList<>();
            heads.onSigned((session, signed) -> mailed.add(signed));

            AuditHeads.SignedHead head = heads.signIfDue().orElseThrow();
            assertThat(heads.signIfDue()).isEmpty();

            assertThat(head.file()).isEqualTo(portal.fixture.root().resolve("data/audit-heads/2026-11-30.jws"));
            SignedJWT jws = SignedJWT.parse(Files.readString(head.file()).strip());
            assertThat(jws.verify(new ECDSAVerifier(portal.fixture.server().cores().keys().ecKey(PortalKeys.SIGNING).toECPublicKey())))
                    .isTrue();
            assertThat(jws.getJWTClaimsSet().getLongClaim("seq")).isEqualTo(head.seq());
            assertThat(jws.getJWTClaimsSet().getStringClaim("hash")).isEqualTo(head.hash());
            assertThat(mailed).containsExactly(head);
            assertThat(portal.trail().verify().intact()).isTrue();
        }
    }

    @Test
    void endToEndRunLeavesNoEmailInAnyAuditFieldAndExportsCsv() throws Exception {
        try (Portal portal = Portal.start()) {
            StaffAccounts staff = new StaffAccounts(portal.fixture);
            StaffAccounts.Login manager = staff.create(Role.PRIVACY_MANAGER);
            try (WebClient browser = staff.signIn(manager); WebClient stranger = portal.fixture.browser()) {
                staff.signIn(stranger, "nobody@jsoft.test", "not the password", "");
                staff.signIn(stranger, manager.email(), "not the password", "");
                HtmlPage accounts = browser.getPage(portal.fixture.url("/manager/accounts"));
                var invite = accounts.getForms().stream()
                        .filter(f -> "/manager/accounts".equals(f.getActionAttribute())).findFirst().orElseThrow();
                invite.getInputByName("email").setValue("invited.person@jsoft.test");
                invite.getSelectByName("role").setSelectedAttribute("STAFF", true);
                invite.<org.htmlunit.html.HtmlButton>querySelector("button").click();

                Page csv = browser.getPage(portal.fixture.url("/manager/audit/export.csv?action=staff."));
                assertThat(csv.getWebResponse().getContentType()).isEqualTo("text/csv");
                String body = csv.getWebResponse().getContentAsString();
                assertThat(body).startsWith("seq,occurred_at_kst,actor,action,target_type,target_id,client_address,detail,"
                        + "prev_hash,hash\r\n").contains("staff.sign-in.failed", "unknown-account").containsPattern(",20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:[0-9.]+\\+09:00,");
            }
            List<String> fields = portal.query("SELECT actor, action, target_type, target_id, client_address, detail"
                    + " FROM audit_entry");
            assertThat(fields).isNotEmpty().noneMatch(f -> f != null && f.contains("@"));
            assertThat(portal.query("SELECT action FROM audit_entry")).contains("staff.sign-in", "staff.sign-in.failed",
                    "staff.account.created", "staff.setup-link.issued", "audit.export");
            assertThat(portal.trail().verify().intact()).isTrue();
        }
    }

    /** One fresh portal per test: these tests break the chain on purpose. */
    static final class Portal implements AutoCloseable {
        final PortalFixture fixture = PortalFixture.builder().build();

        static Portal start() throws Exception {
            Portal portal = new Portal();
            portal.fixture.start();
            return portal;
        }

        AuditTrail trail() {
            return fixture.server().cores().auditTrail();
        }

        Connection connect() throws Exception {
            // In this JVM, beside the running portal (which holds the H2 file): H2 shares the open database.
            DatabaseSettings db = Settings.fromEnvironment(fixture.environment()).openingDatabase();
            return DriverManager.getConnection(H2Durability.apply(db.url()), db.user(), db.password());
        }

        void sql(String statement) throws Exception {
            try (Connection connection = connect(); Statement s = connection.createStatement()) {
                s.executeUpdate(statement);
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
        }

        /** Every column of every row, one string per cell. */
        List<String> query(String select) throws Exception {
            List<String> cells = new ArrayList<>();
            try (Connection connection = connect(); Statement s = connection.createStatement();
                 ResultSet rows = s.executeQuery(select)) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        cells.add(rows.getString(i));
                    }
                }
            }
            return cells;
        }

        @Override
        public void close() {
            fixture.stop();
        }
    }
}
