package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A starved pool (every connection of the real HikariCP pool held) in front of the real JDBC
 * session store: a signed-in manager's request is answered 503 with Retry-After, not sent to
 * sign-in, and once the pool is free again the same session still works. The same when the pool
 * starves between reading a session and saving the change a request made to it: 503, and the
 * stored session is what it was before.
 */
class SessionOverloadIT {
    private static final int POOL = 4;
    private static final CountDownLatch changed = new CountDownLatch(1);
    private static final CountDownLatch poolHeld = new CountDownLatch(1);

    /** Notes a value in the session; the second one waits until the test has taken every connection. */
    private static final class SessionNote extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String note = request.getParameter("note");
            if (note == null) {
                response.setContentType("text/plain;charset=utf-8");
                response.getWriter().print(String.valueOf(request.getSession().getAttribute("test.note")));
                return;
            }
            request.getSession().setAttribute("test.note", note);
            if (note.equals("second")) {
                changed.countDown();
                try {
                    poolHeld.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            response.sendRedirect("/en/test/session-note");
        }
    }

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder()
            .setting("PORTAL_DB_POOL_SIZE", Integer.toString(POOL))
            .setting("PORTAL_DB_CONNECT_TIMEOUT", "1s")
            .extraRoutes(context -> context.addServlet(new ServletHolder(new SessionNote()), "/en/test/session-note"))
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

    @Test
    void aChangeTheStoreCannotSaveIsAnswered503AndTheStoredSessionStaysAsItWas() throws Exception {
        try (WebClient manager = new StaffAccounts(portal).signedIn(Role.PRIVACY_MANAGER)) {
            manager.getOptions().setThrowExceptionOnFailingStatusCode(false);
            manager.getOptions().setRedirectEnabled(false);
            String sessionId = manager.getCookieManager().getCookie("portal_session").getValue();
            assertThat(manager.getPage(portal.url("/en/test/session-note?note=first")).getWebResponse().getStatusCode())
                    .isEqualTo(302);

            ExecutorService visitor = Executors.newSingleThreadExecutor();
            Page busy;
            try {
                Future<Page> answer = visitor.submit(() -> manager.getPage(portal.url("/en/test/session-note?note=second")));
                assertThat(changed.await(30, TimeUnit.SECONDS)).as("the request changed its session").isTrue();
                List<Connection> held = holdEveryConnection(portal.server().database().dataSource());
                try {
                    poolHeld.countDown();
                    busy = answer.get(60, TimeUnit.SECONDS);
                } finally {
                    for (Connection connection : held) {
                        connection.close();
                    }
                }
            } finally {
                visitor.shutdownNow();
            }

            assertThat(busy.getWebResponse().getStatusCode()).as("not the redirect that said it was saved").isEqualTo(503);
            assertThat(busy.getWebResponse().getResponseHeaderValue("Location")).isNull();
            assertThat(busy.getWebResponse().getResponseHeaderValue("Retry-After")).isEqualTo("5");
            assertThat(busy.getWebResponse().getResponseHeaderValue("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(busy.getWebResponse().getResponseHeaderValue("Content-Security-Policy")).isNotBlank();
            assertThat(busy.getWebResponse().getContentAsString()).contains("try again shortly");
            assertThat(manager.getCookieManager().getCookie("portal_session").getValue()).isEqualTo(sessionId);

            Page stored = manager.getPage(portal.url("/en/test/session-note"));
            assertThat(stored.getWebResponse().getContentAsString()).as("the unsaved change is not half-written")
                    .isEqualTo("first");
            assertThat(manager.getPage(portal.url("/manager")).getWebResponse().getStatusCode())
                    .as("the same session, still signed in").isEqualTo(200);
        }
    }
}
