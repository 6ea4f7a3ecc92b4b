package kr.jsoft.privacyportal.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No default password: the first privacy manager comes from a one-time link in a private file. */
class FirstRunIT {
    @RegisterExtension
    static PortalFixture portal = PortalFixture.builder().build();

    @Test
    void firstRunLinkInAPrivateFileCreatesThePrivacyManagerOnce() throws Exception {
        Path file = portal.root().resolve("data").resolve("manager-setup-link.txt");
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        URI link = URI.create(Files.readAllLines(file).stream().filter(l -> l.startsWith("http")).findFirst().orElseThrow());
        StaffAccounts staff = new StaffAccounts(portal);

        try (WebClient browser = portal.browser()) {
            StaffAccounts.Setup setup = staff.completeSetup(browser, link, "privacy@jsoft.test", "Privacy Manager");
            assertThat(setup.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();

            HtmlPage home = staff.signIn(browser, "privacy@jsoft.test", StaffAccounts.PASSWORD,
                    StaffAccounts.code(setup.secret(), staff.currentStep() + 1));
            assertThat(home.getUrl().getPath()).isEqualTo("/manager");
            assertThat(home.querySelector(".staff-who").asNormalizedText()).contains("Privacy Manager", "Privacy manager");
        }
        assertThat(file).doesNotExist();
        try (WebClient again = portal.browser()) {
            HtmlPage reused = again.getPage(link.toURL());
            assertThat(reused.getWebResponse().getStatusCode()).isEqualTo(404);
            assertThat(reused.asNormalizedText()).contains("cannot be used");
        }
    }
}
