package kr.jsoft.privacyportal.staff;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may use a dashboard route: roles that may view it (GET, HEAD) and roles that may act
 * on it (every other method). Acting does not imply viewing and vice versa; a route with no
 * act roles refuses every change. Example: {@code Access.view(Access.ALL_ROLES).act(Role.PRIVACY_MANAGER, Role.STAFF)}.
 */
public record Access(Set<Role> viewers, Set<Role> actors) {
    public static final Set<Role> ALL_ROLES = Set.copyOf(EnumSet.allOf(Role.class));

    public Access {
        viewers = Set.copyOf(viewers);
        actors = Set.copyOf(actors);
    }

    public static Access view(Role... roles) {
        return view(Arrays.asList(roles));
    }

    public static Access view(Collection<Role> roles) {
        return new Access(Set.copyOf(roles), Set.of());
    }

    public Access act(Role... roles) {
        return act(Arrays.asList(roles));
    }

    public Access act(Collection<Role> roles) {
        return new Access(viewers, Set.copyOf(roles));
    }

    public boolean mayView(Role role) {
        return viewers.contains(role);
    }

    public boolean mayAct(Role role) {
        return actors.contains(role);
    }

    /** GET and HEAD are views; every other method is an action. */
    public boolean allows(Role role, String method) {
        return "GET".equals(method) || "HEAD".equals(method) ? mayView(role) : mayAct(role);
    }
}
