package kr.jsoft.privacyportal.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * How the simulated user answers an {@code APPROVE_REQUEST}: {@code auto}, {@code approve},
 * {@code refuse}, {@code ignore} (never answers), {@code ask} (reads y/n from the console), or {@code match:<number>} (approves only
 * if the device shows that number, as a user comparing it with the portal's page would).
 *
 * <p>{@code auto} is the unattended owner: it approves a destruction request but declines the
 * lost-device question "cancel the pending deletion?" ({@value #CANCEL_ACTION}), since an
 * unattended device that cancelled every deletion announced to it would make the lost-device
 * flow impossible to try; {@code --cancel-lost} makes it cancel those too. {@code approve} says
 * yes to every prompt.
 */
public final class ApprovalRule {
    /** The prompt's action when a deletion was announced to a device that did not ask for it. */
    static final String CANCEL_ACTION = "destruction-cancel";

    private final String rule;
    private final BufferedReader console;
    private final PrintStream out;
    private final boolean cancelLost;

    private ApprovalRule(String rule, BufferedReader console, PrintStream out) {
        this(rule, console, out, false);
    }

    private ApprovalRule(String rule, BufferedReader console, PrintStream out, boolean cancelLost) {
        this.rule = rule;
        this.console = console;
        this.out = out;
        this.cancelLost = cancelLost;
    }

    public static ApprovalRule parse(String rule, BufferedReader console, PrintStream out) {
        String r = rule.toLowerCase(Locale.ROOT);
        if (!r.equals("auto") && !r.equals("approve") && !r.equals("refuse") && !r.equals("ask")
                && !r.equals("ignore") && !r.matches("match:[0-9]{2,6}")) {
            throw new IllegalArgumentException("--approve must be auto, approve, refuse, ask, ignore or match:<number>");
        }
        return new ApprovalRule(r, console, out);
    }

    /** The unattended owner: approves destruction requests, keeps announced deletions. */
    public static ApprovalRule auto() {
        return new ApprovalRule("auto", null, null);
    }

    /** This rule, but answering yes to "cancel the pending deletion?" ({@code --cancel-lost}). */
    public ApprovalRule cancellingLost() {
        return new ApprovalRule(rule, console, out, true);
    }

    public static ApprovalRule approve() {
        return new ApprovalRule("approve", null, null);
    }

    public static ApprovalRule refuse() {
        return new ApprovalRule("refuse", null, null);
    }

    /** The user looks at the prompt and does nothing: no answer goes back. */
    public static ApprovalRule ignore() {
        return new ApprovalRule("ignore", null, null);
    }

    /** False when the user leaves prompts unanswered ({@code ignore}). */
    boolean answers() {
        return !rule.equals("ignore");
    }

    /** True to approve the request for {@code action} showing {@code number}. */
    boolean approves(String action, String message, String number) {
        if (rule.equals("auto") && CANCEL_ACTION.equals(action)) {
            return cancelLost;
        }
        if (rule.startsWith("match:")) {
            return rule.substring(6).equals(number);
        }
        if (rule.equals("ask")) {
            out.print("Approve? [" + number + "] " + message + " (y/n): ");
            out.flush();
            try {
                String line = console.readLine();
                if (line == null) {
                    out.println("no answer: the input is closed, so the request is refused");
                    return false;
                }
                return line.trim().toLowerCase(Locale.ROOT).startsWith("y");
            } catch (IOException e) {
                return false;
            }
        }
        return !rule.equals("refuse");
    }
}
