package kr.jsoft.privacyportal.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV of audit entries, with cells that a spreadsheet would run as formulas defused. Times
 * are Korean time with the offset written out ({@code 2026-12-04T10:15:02.002+09:00}): the same
 * instant the chain hashes, in the zone every other page uses.
 */
final class AuditCsv {
    static final List<String> HEADER = List.of("seq", "occurred_at_kst", "actor", "action", "target_type", "target_id",
            "client_address", "detail", "prev_hash", "hash");

    private static final java.time.format.DateTimeFormatter KST = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
            .withZone(java.time.ZoneId.of("Asia/Seoul"));

    private AuditCsv() {
    }

    static void write(List<AuditRecord> records, Writer out) throws IOException {
        line(out, HEADER);
        for (AuditRecord r : records) {
            line(out, java.util.Arrays.asList(Long.toString(r.seq()), KST.format(r.occurredAt()), r.actor(), r.action(),
                    r.targetType(), r.targetId(), r.clientAddress(), r.detail(), r.prevHash(), r.hash()));
        }
        out.flush();
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        // OWASP CSV injection: a leading = + - @ tab or CR would make a spreadsheet evaluate the cell.
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || !text.equals(value)) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
