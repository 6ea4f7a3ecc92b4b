package kr.jsoft.privacyportal.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * How the simulated user answers an {@code APPROVE_REQUEST}: {@code auto}/{@code approve},
 * {@code refuse}, {@code ignore} (never answers), {@code ask} (reads y/n from the console), or {@code match:<number>} (approves only
 * if the device shows that number, as a user comparing it with the portal's page would).
 */
public final class ApprovalRule {
    private final String rule;
    private final BufferedReader console;
    private final PrintStream out;

    private ApprovalRule(String rule, BufferedReader console, PrintStream out) {
        this.rule = rule;
        this.console = console;
        this.out = out;
    }

    public static ApprovalRule parse(String rule, BufferedReader console, PrintStream out) {
        String r = rule.toLowerCase(Locale.ROOT);
        if (!r.equals("auto") && !r.equals("approve") && !r.equals("refuse") && !r.equals("ask")
                && !r.equals("ignore") && !r.matches("match:[0-9]{2,6}")) {
            throw new IllegalArgumentException("--approve must be auto, approve, refuse, ask, ignore or match:<number>");
        }
        return new ApprovalRule(r, console, out);
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

    /** True to approve the request showing {@code number}. */
    boolean approves(String message, String number) {
        if (rule.startsWith("match:")) {
            return rule.substring(6).equals(number);
        }
        if (rule.equals("ask")) {
            out.print("Approve? [" + number + "] " + message + " (y/n): ");
            out.flush();
            try {
                String line = console.readLine();
                return line != null && line.trim().toLowerCase(Locale.ROOT).startsWith("y");
            } catch (IOException e) {
                return false;
            }
        }
        return !rule.equals("refuse");
    }
}
