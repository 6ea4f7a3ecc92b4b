package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.Role;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import kr.jsoft.privacyportal.audit.AuditEvent;

/**
 * {@code manager create --email <email> [--role privacy-manager|staff|auditor] [--name <name>]}
 * and {@code manager reset --email <email>}: print a one-time setup link (24 h) on standard
 * output. While the portal runs they run inside it (the task socket); when it is stopped, on the
 * database directly.
 */
public final class ManagerCli {
    /** Who the audit log names for these tasks: the operator at the server's command line. */
    static final String ACTOR = "command-line";
    private final AccountService accounts;
    private final PrintStream out;
    private final PrintStream err;

    public ManagerCli(AccountService accounts, PrintStream out, PrintStream err) {
        this.accounts = accounts;
        this.out = out;
        this.err = err;
    }

    /** {@code args} without the leading {@code manager}; returns the exit status. */
    public int run(String... args) {
        if (args.length == 0 || !(args[0].equals("create") || args[0].equals("reset"))) {
            return usage("Unknown manager task.");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                return usage("Bad option '" + args[i] + "'.");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        if (!options.containsKey("email")) {
            return usage("--email is required.");
        }
        AuditEvent by = new AuditEvent(ACTOR, "staff.account", null, null, null, null);
        try {
            AccountService.IssuedLink issued;
            if (args[0].equals("create")) {
                Role role = Role.parse(options.getOrDefault("role", "staff")).orElse(null);
                if (role == null) {
                    return usage("--role must be privacy-manager, staff or auditor.");
                }
                issued = accounts.create(options.get("email"), options.get("name"), role, by);
                err.println("Account " + issued.accountId() + " created with role " + role + ".");
            } else {
                issued = accounts.reset(options.get("email"), by);
                err.println("Account " + issued.accountId() + ": password and two-factor reset, sessions ended.");
            }
            err.println("Hand over this one-time setup link (valid until " + issued.expiresAt() + "):");
            out.println(issued.link());
            return 0;
        } catch (AccountException e) {
            err.println("Refused: " + switch (e.messageKey()) {
                case "manager.account.email-taken" -> "an account with this email exists already.";
                case "manager.account.unknown" -> "no account has this email.";
                case "manager.account.email-invalid" -> "not an email address.";
                default -> e.messageKey();
            });
            return 1;
        }
    }

    private int usage(String problem) {
        err.println(problem + " Usage: manager create --email <email> [--role privacy-manager|staff|auditor]"
                + " [--name <display name>] | manager reset --email <email>");
        return 64;
    }
}
