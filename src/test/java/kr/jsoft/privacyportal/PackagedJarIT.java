package kr.jsoft.privacyportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kr.jsoft.privacyportal.testing.PortalProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar the build packages, started as the README says ({@code java -jar}) under another name:
 * the other tests run the portal from class-path directories, where the web application's files are
 * plain files; from the jar they are copied out (not served from a mount of the whole jar), and the
 * JSP error pages find their tag libraries without the jar being named.
 */
class PackagedJarIT {
    private static final Path PACKAGED = Path.of("target", "privacy-portal.jar");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRenamedJarServesItsErrorPagesAndFilesFromACopyDeletedWhenItStops() throws Exception {
        Path jar = renamedJar();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));

        try (PortalProcess portal = start(jar, tmp, "first")) {
            HttpResponse<String> missing = get(portal, "/ko/no-such-page");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(missing.body()).contains("페이지를 찾을 수 없습니다").contains("/static/css/site.css");

            HttpResponse<byte[]> css = http.send(request(portal, "/static/css/site.css"),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.body()).isEqualTo(Files.readAllBytes(Path.of("src/main/webapp/static/css/site.css")));

            assertThat(copies(tmp)).hasSize(1);
            portal.terminate(Duration.ofSeconds(60)); // SIGTERM: the shutdown a service manager asks for
        }
        assertThat(copies(tmp)).isEmpty();
    }

    @Test
    void theCopyOfAKilledPortalIsDeletedByTheNextStart() throws Exception {
        Path jar = renamedJar();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<Path> left;
        try (PortalProcess killed = start(jar, tmp, "killed")) {
            left = copies(tmp);
            killed.kill();
        }
        assertThat(left).hasSize(1);
        assertThat(left.get(0)).exists();

        try (PortalProcess next = start(jar, tmp, "next")) {
            assertThat(get(next, "/ko/no-such-page").body()).contains("페이지를 찾을 수 없습니다");
            assertThat(left.get(0)).doesNotExist();
            assertThat(copies(tmp)).hasSize(1);
            next.terminate(Duration.ofSeconds(60));
        }
    }

    private Path renamedJar() throws IOException {
        assertThat(PACKAGED).as("the packaged jar (mvn verify packages it before the integration tests)").exists();
        return Files.copy(PACKAGED, dir.resolve("portal.jar"));
    }

    private PortalProcess start(Path jar, Path tmp, String name) throws IOException {
        return PortalProcess.startJar(jar, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp),
                Map.of("PORTAL_PORT", "0",
                        "PORTAL_DATA_DIR", dir.resolve(name + "/data").toString(),
                        "PORTAL_KEY_DIR", dir.resolve(name + "/keys").toString()),
                dir.resolve(name + ".log"));
    }

    private HttpRequest request(PortalProcess portal, String path) {
        return HttpRequest.newBuilder(URI.create(portal.url(path))).build();
    }

    private HttpResponse<String> get(PortalProcess portal, String path) throws Exception {
        return http.send(request(portal, path), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Path> copies(Path tmp) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("portal-webapp-")).toList();
        }
    }
}
