package kr.jsoft.privacyportal.manager;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import kr.jsoft.privacyportal.testing.PortalFixture;
import kr.jsoft.privacyportal.testing.StaffAccounts;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Instances on one database share one first-run link: the later ones say where it is instead of revoking it. */
class FirstRunSeveralInstancesIT {
    @RegisterExtension
    @Order(1)
    static PortalFixture first = PortalFixture.builder().setting("PORTAL_INSTANCE_ID", "first").build();
    @RegisterExtension
    @Order(2)
    static PortalFixture second = PortalFixture.builder().setting("PORTAL_INSTANCE_ID", "second")
            .sharingDatabaseWith(first).build();

    @Test
    void theSecondInstancesFilePointsToTheFirstsLinkWhichStaysValidAndSetsUpThePrivacyManager() throws Exception {
        Path holder = first.root().resolve("data").resolve("manager-setup-link.txt");
        Path pointer = second.root().resolve("data").resolve("manager-setup-link.txt");
        URI link = URI.create(Files.readAllLines(holder).stream().filter(l -> l.startsWith("http")).findFirst()
                .orElseThrow());
        assertThat(Files.readString(pointer)).doesNotContain("http")
                .contains("Instance first", holder.toAbsolutePath().normalize().toString());

        second.restart();
        assertThat(Files.readString(pointer)).as("a restart elsewhere still leaves the link alone")
                .contains(holder.toAbsolutePath().normalize().toString());

        try (WebClient browser = first.browser()) {
            StaffAccounts.Setup setup = new StaffAccounts(first).completeSetup(browser, link, "privacy@jsoft.test",
                    "Privacy Manager");
            assertThat(setup.recoveryCodes()).hasSize(10);
        }
        assertThat(holder).doesNotExist();
        second.restart();
        assertThat(pointer).as("with an account, the pointer is gone too").doesNotExist();
    }
}
