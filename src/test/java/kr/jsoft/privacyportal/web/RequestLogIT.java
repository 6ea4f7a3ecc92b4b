package kr.jsoft.privacyportal.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.List;
import kr.jsoft.privacyportal.testing.Await;
import kr.jsoft.privacyportal.testing.PortalFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** One log line per request, carrying the request id the response names. */
class RequestLogIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();

    private final Logger requestLogger = (Logger) LoggerFactory.getLogger("kr.jsoft.privacyportal.request");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        requestLogger.addAppender(lines);
    }

    @AfterEach
    void release() {
        requestLogger.detachAppender(lines);
    }

    /**
     * The request's log lines: the line is written once the response is complete, which the
     * client may see a moment earlier, so this waits for the first one.
     */
    private List<ILoggingEvent> linesWithId(String id) {
        return Await.until("the request with id " + id + " is logged", () -> {
            synchronized (lines.list) {
                return lines.list.stream().filter(e -> id.equals(e.getMDCPropertyMap().get(RequestLog.MDC_KEY)))
                        .toList();
            }
        }, found -> !found.isEmpty());
    }

    @Test
    void aWellFormedIncomingRequestIdIsKeptAndLoggedOnce() {
        HttpResponse<String> response = portal.get("/ko/policy", RequestLog.HEADER, "lb-7f3a9c21-req");
        assertThat(response.headers().firstValue(RequestLog.HEADER)).contains("lb-7f3a9c21-req");
        List<ILoggingEvent> logged = linesWithId("lb-7f3a9c21-req");
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getFormattedMessage()).startsWith("GET /ko/policy 200 ");
        assertThat(logged.get(0).getKeyValuePairs()).anyMatch(kv -> kv.key.equals("route") && kv.value.equals("/{lang}/policy"));
    }

    @Test
    void anIllFormedRequestIdIsReplacedByAGeneratedOne() {
        for (String bad : List.of("010-1234-5678", "x", "a b c d e f g h", "someone@example.com", "id\nforged line")) {
            HttpResponse<String> response = portal.get("/ko/policy", RequestLog.HEADER, bad.replace('\n', ' '));
            String id = response.headers().firstValue(RequestLog.HEADER).orElseThrow();
            assertThat(id).isNotEqualTo(bad.replace('\n', ' ')).matches("[A-Za-z0-9_-]{16}");
            assertThat(linesWithId(id)).hasSize(1);
        }
    }

    @Test
    void everyResponseNamesItsRequestEvenAnError() {
        HttpResponse<String> notFound = portal.get("/ko/no-such-page");
        String id = notFound.headers().firstValue(RequestLog.HEADER).orElseThrow();
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(linesWithId(id)).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .startsWith("GET /ko/no-such-page 404");
    }

    @Test
    void anAmbiguousAddressRefusedBeforeAnyFilterIsNamedAndLoggedToo() {
        HttpResponse<String> refused = portal.get("/ko/policy;jsessionid=secret-value");
        assertThat(refused.statusCode()).isEqualTo(400);
        String id = refused.headers().firstValue(RequestLog.HEADER).orElseThrow();
        assertThat(linesWithId(id)).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .startsWith("GET /ko/").contains(" 400 ").doesNotContain("secret-value");
    }
}
