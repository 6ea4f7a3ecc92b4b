/**
 * The {@code backup} and {@code restore} command-line tasks for the default H2 database.
 *
 * <p>{@code H2Backup.backup} is H2's online {@code BACKUP TO}: a consistent zip of the database file, taken by the
 *     running portal when the task reaches it through its task socket, else on the file itself; the zip is
 *     {@code 0600}. {@code restore} unpacks such a zip only into a data directory without a database, so it never
 *     overwrites one, and ends every session stored in it. A backup holds the
 *     database only: the key set and the erasure journal live outside the data directory, so a stolen backup is
 *     sealed data, and the next start re-applies the journal so that nothing destroyed comes back
 *     ({@code erasure}). PostgreSQL has {@code pg_dump}/{@code pg_restore} for this; see
 *     {@code docs/operations.md}.
 */
package kr.jsoft.privacyportal.backup;
