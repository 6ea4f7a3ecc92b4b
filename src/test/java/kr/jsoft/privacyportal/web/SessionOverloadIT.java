package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A starved pool (every connection of the real HikariCP pool held) in front of the real JDBC
 * session store: a signed-in manager's request is answered 503 with Retry-After, not sent to
 * sign-in, and once the pool is free again the same session still works.
 */
class SessionOverloadIT {
    private static final int POOL = 4;

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_DB_POOL_SIZE", Integer.toString(POOL))
            .setting("PORTAL_DB_CONNECT_TIMEOUT", "1s")
            .build();

    private static List<Connection> holdEveryConnection(DataSource pool) throws Exception {
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            held.add(pool.getConnection());
        }
        return held;
    }

    /** The cookie carries the id with the instance's node name appended; the table keeps the id. */
    private static String sessionRow(String cookie) {
        String id = cookie.contains(".") ? cookie.substring(0, cookie.indexOf('.')) : cookie;
        return portal.server().database().fromTransaction(s -> s.createNativeQuery(
                "select session_id from jetty_session where session_id = :id", String.class)
                .setParameter("id", id).getResultList().stream().findFirst().orElse(null));
    }

    @Test
    void aSignedInManagerWhoseSessionCannotBeReadGets503AndKeepsTheSession() throws Exception {
        try (WebClient manager = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER)) {
            manager.getOptions().setThrowExceptionOnFailingStatusCode(false);
            manager.getOptions().setRedirectEnabled(false);
            String sessionId = manager.getCookieManager().getCookie("portal_session").getValue();
            assertThat(sessionRow(sessionId)).isNotNull();

            List<Connection> held = holdEveryConnection(portal.server().database().dataSource());
            Page busy;
            try {
                busy = manager.getPage(portal.url("/manager"));
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }

            assertThat(busy.getWebResponse().getStatusCode()).as("not a redirect to sign-in").isEqualTo(503);
            assertThat(busy.getWebResponse().getResponseHeaderValue("Retry-After")).isEqualTo("5");
            assertThat(busy.getWebResponse().getResponseHeaderValue("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(manager.getCookieManager().getCookie("portal_session").getValue()).isEqualTo(sessionId);

            Page again = manager.getPage(portal.url("/manager"));
            assertThat(again.getWebResponse().getStatusCode()).as("the same session, still signed in").isEqualTo(200);
            assertThat(sessionRow(sessionId)).isNotNull();
        }
    }
}
