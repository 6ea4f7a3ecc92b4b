package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpFilter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import kr.jsoft.privacyportal.staff.ManagerArea;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.RawHttp;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.FilterMapping;
import org.eclipse.jetty.ee11.servlet.ServletMapping;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every address the portal serves (read from the running context's servlet mappings, plus every
 * dashboard route), asked for in each ambiguous form, is refused with 400 and the security
 * headers before any filter or servlet of the context runs: a recording filter placed first in
 * the chain sees none of them.
 */
class AmbiguousPathsIT {
    static final Queue<String> reachedTheContext = new ConcurrentLinkedQueue<>();

    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().extraRoutes(context -> {
        FilterHolder recorder = new FilterHolder(new HttpFilter() {
            @Override
            protected void doFilter(jakarta.servlet.http.HttpServletRequest request,
                                    jakarta.servlet.http.HttpServletResponse response, jakarta.servlet.FilterChain chain)
                    throws java.io.IOException, jakarta.servlet.ServletException {
                reachedTheContext.add(request.getMethod() + " " + request.getRequestURI());
                chain.doFilter(request, response);
            }
        });
        recorder.setName("reached-the-context");
        FilterMapping mapping = new FilterMapping();
        mapping.setFilterName(recorder.getName());
        mapping.setPathSpec("/*");
        mapping.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        context.getServletHandler().prependFilter(recorder);
        context.getServletHandler().prependFilterMapping(mapping);
    }).build();

    @BeforeEach
    void forgetEarlierRequests() {
        reachedTheContext.clear();
    }

    /** A concrete address for every servlet mapping of the running context, and every dashboard route. */
    static Set<String> everyAddress() {
        Set<String> addresses = new TreeSet<>();
        for (ServletMapping mapping : portal.server().cores().web().context().getServletHandler().getServletMappings()) {
            for (String spec : mapping.getPathSpecs()) {
                addresses.add(concrete(spec));
            }
        }
        for (ManagerArea.Route route : portal.server().cores().staffArea().routes()) {
            addresses.add(route.samplePath());
        }
        addresses.addAll(List.of("/manager/setup/00000000", "/manager/sign-in", "/unsubscribe/abc"));
        return addresses;
    }

    static String concrete(String spec) {
        if (spec.isEmpty() || spec.equals("/")) {
            return spec.isEmpty() ? "/" : "/anything";
        }
        if (spec.startsWith("*.")) {
            return "/page" + spec.substring(1);
        }
        return spec.endsWith("/*") ? spec.substring(0, spec.length() - 1) + "x" : spec;
    }

    /** Each ambiguous form of {@code path}; those that normalise do so back to {@code path} itself. */
    static List<String> variants(String path) {
        String first = path.equals("/") ? "" : path.substring(1).split("/", 2)[0];
        String rest = path.substring(1 + first.length());
        List<String> variants = new ArrayList<>();
        variants.add("/" + first + "/." + (rest.isEmpty() ? "" : rest));
        variants.add("/" + first + "/../" + first + rest);
        variants.add("/" + first + "/%2e%2e/" + first + rest);
        variants.add("/" + first + "/%2E%2E/" + first + rest);
        variants.add("/" + first + "%2f" + (rest.isEmpty() ? "" : rest.substring(1)));
        variants.add("/" + first + "%5c" + (rest.isEmpty() ? "" : rest.substring(1)));
        variants.add(rest.isEmpty() ? "//" + first : "/" + first + "/" + rest);
        variants.add("/" + first + ";p=1" + rest);
        variants.add(path + ";jsessionid=0123");
        variants.add(path + "%00");
        return variants;
    }

    @Test
    void everyServedAddressInEveryAmbiguousFormIsRefusedBeforeTheContext() {
        Set<String> addresses = everyAddress();
        assertThat(addresses).as("the walk covers the dashboard, the API and the public pages")
                .contains("/manager", "/manager/sign-in", "/manager/setup/x", "/ko/complaints/x", "/api/x", "/unsubscribe/x");
        int checked = 0;
        for (String address : addresses) {
            for (String variant : variants(address)) {
                for (String method : new String[] {"GET", "POST"}) {
                    RawHttp.Answer answer = send(method, variant);
                    String what = method + " " + variant + " (" + address + ")";
                    assertThat(answer.status()).as(what).isEqualTo(400);
                    HostileRequestsIT.assertSecurityHeaders(answer);
                    assertThat(answer.header("Set-Cookie")).as(what).isNull();
                    assertThat(answer.body()).as(what).doesNotContain("at org.", "at kr.", "Powered by Jetty");
                    boolean api = address.startsWith("/api/");
                    if (api || variant.endsWith("%00")) {
                        // %00: Jetty cannot parse such a request line at all, so no path is known to choose a page by.
                        assertThat(answer.header("Content-Type")).as(what).startsWith(api
                                ? "application/problem+json" : "");
                    } else {
                        assertThat(answer.header("Content-Type")).as(what).isEqualTo("text/html;charset=utf-8");
                        assertThat(answer.body()).as(what).contains("잘못된 요청입니다");
                    }
                    checked++;
                }
            }
        }
        assertThat(reachedTheContext).as("no ambiguous request reached a filter or servlet").isEmpty();
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void theReviewersRequestsAreRefused() {
        for (String target : List.of("/manager/setup/../accounts", "/manager/setup/../dev/sms",
                "/manager/setup/%2e%2e/accounts", "/unsubscribe/../manager/accounts")) {
            assertThat(send("GET", target).status()).as(target).isEqualTo(400);
            assertThat(send("POST", target).status()).as(target).isEqualTo(400);
        }
        assertThat(reachedTheContext).isEmpty();
    }

    @Test
    void accessIsDecidedOnTheNormalisedPath() {
        // Percent-encoded ordinary letters are not ambiguous; the gate and the API answers see the decoded path.
        RawHttp.Answer dashboard = send("GET", "/%6danager/accounts");
        assertThat(dashboard.status()).isEqualTo(302);
        assertThat(dashboard.header("Location")).endsWith("/manager/sign-in");

        RawHttp.Answer api = send("GET", "/%61pi/v1/no-such-route");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theSitesOwnAddressesStillWork() {
        assertThat(send("GET", "/ko/complaints/new").status()).isEqualTo(200);
        assertThat(send("GET", "/en/policy").status()).isEqualTo(200);
        assertThat(send("GET", "/manager/accounts").status()).isEqualTo(302);
    }

    static RawHttp.Answer send(String method, String target) {
        return RawHttp.exchange(portal.server().port(), method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                + ("POST".equals(method) ? "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n" : "")
                + "Connection: close\r\n\r\n");
    }
}
