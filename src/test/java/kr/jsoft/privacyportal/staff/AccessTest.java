package kr.jsoft.privacyportal.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccessTest {
    @Test
    void viewsNeedAViewRoleAndEveryOtherMethodAnActRole() {
        Access access = Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER, Role.STAFF);

        assertThat(access.allows(Role.AUDITOR, "GET")).isTrue();
        assertThat(access.allows(Role.AUDITOR, "HEAD")).isTrue();
        assertThat(access.allows(Role.AUDITOR, "POST")).isFalse();
        assertThat(access.allows(Role.AUDITOR, "DELETE")).isFalse();
        assertThat(access.allows(Role.STAFF, "POST")).isTrue();
        assertThat(Access.view(Role.AUDITOR).allows(Role.AUDITOR, "POST")).isFalse();
    }

    @Test
    void exactRoutesWinOverPrefixRoutesAndPagesOutsideManagerAreRefused() {
        ManagerArea area = new ManagerArea(new org.eclipse.jetty.ee11.servlet.ServletContextHandler());
        area.page("/manager/things/*", new jakarta.servlet.http.HttpServlet() { }, Access.view(Role.STAFF));
        area.page("/manager/things/special", new jakarta.servlet.http.HttpServlet() { }, Access.view(Role.AUDITOR));

        assertThat(area.match("/manager/things/1")).hasValueSatisfying(r -> assertThat(r.path()).isEqualTo("/manager/things/*"));
        assertThat(area.match("/manager/things")).hasValueSatisfying(r -> assertThat(r.path()).isEqualTo("/manager/things/*"));
        assertThat(area.match("/manager/things/special")).hasValueSatisfying(r -> assertThat(r.path())
                .isEqualTo("/manager/things/special"));
        assertThat(area.match("/manager/thingsx")).isEmpty();
        assertThatThrownBy(() -> area.page("/admin", new jakarta.servlet.http.HttpServlet() { }, Access.view(Role.STAFF)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
