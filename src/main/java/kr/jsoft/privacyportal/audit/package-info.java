/**
 * The append-only, hash-chained audit log, its daily signed heads and its verification.
 *
 * <h2>Audit chain verification</h2>
 * <p>{@code AuditTrail.verify()} walks entries in sequence order in batches: a missing sequence number names the
 *     removed entry; a hash that no longer matches the content names the altered entry; a broken link to the
 *     previous hash names the previous entry (rewritten with a fresh hash). It then checks the head row and
 *     every signed daily head file ({@code AuditHeads}), which an attacker with database access cannot forge, so
 *     deleting or rewriting the tail is caught too.
 * <ul>
 * <li>{@code crypto.DataCipher} (formerly the mail feature's own {@code FieldCipher}, now one class for all
 *       features): AES-256-GCM for personal data at rest, one column value at a time, the column name bound as
 *       associated data ({@code seal(context, text)} / {@code open(context, sealed)}).</li>
 * <li>{@code web.View.renderToString(template, locale, model)}: renders outside a request; {@code x.txt}
 *       templates render in Thymeleaf's TEXT mode (mail text parts), everything else as HTML.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.audit;
