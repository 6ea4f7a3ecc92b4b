package kr.jsoft.privacyportal.command;

import java.util.List;

/** One command with its wake-up attempts (oldest first) and its receipts: the dashboard's detail view. */
public record CommandDetail(CommandView command, List<WakeUpView> wakeUps, List<ReceiptView> receipts) {
}
