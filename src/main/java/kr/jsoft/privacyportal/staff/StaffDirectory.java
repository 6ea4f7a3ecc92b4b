package kr.jsoft.privacyportal.staff;

import java.util.List;
import java.util.Set;

/** The active staff accounts, for features that assign work to someone (the manager feature answers). */
public interface StaffDirectory {
    List<StaffMember> active(Set<Role> roles);
}
