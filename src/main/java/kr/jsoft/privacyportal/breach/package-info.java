/**
 * Breach notification within 72 hours (PIPA Art. 34 as amended in 2023, Enforcement Decree Arts. 39-40):
 * the incident register, the notice to the people affected, the report to the regulator.
 *
 * <ul>
 * <li><b>Recording</b> ({@code BreachDesk.record}, {@code /manager/breach/new}): discovery time (KST), what
 *       happened (internal, no personal data), the items leaked ({@code LeakedItem}: the app's items on the
 *       phone and what the portal processes, with the privacy policy's ids), the scope ({@code IncidentScope}:
 *       every registered device, devices registered or active in a period, a list of opaque device ids, or
 *       people who cannot be reached), the cause (hacking or not), sensitive or unique identifying
 *       information, an optional estimate of people and the complaint references concerned. Refused per
 *       field with the input kept; nothing is written until every field is right.</li>
 * <li><b>Duties</b> ({@code BreachDuties}, pure): the individual notice always, by discovery + 72 h; a report
 *       to the PIPC or KISA by the same time when 1,000 or more people, sensitive or unique identifying
 *       information, or outside hacking; a public notice for 30 days when people cannot be reached. People
 *       are counted by the registry's active devices in the scope ({@code DeviceRegistry.countActiveIn}) or
 *       the manager's larger estimate; the registry knows only registered devices, so the count is shown
 *       as a lower bound except for an exact device list. Counted live until the notice goes out, then
 *       fixed as it was.</li>
 * <li><b>The notice</b> ({@code BreachNotice}): Art. 34(1) items 1-5 in Korean and English. The manager
 *       writes how it happened, what people can do and what jsoft did with the remedies ({@code
 *       NoticeParts}); the portal adds the items, the times, the privacy officer's contact from the policy in
 *       force and the current outside organisations for redress ({@code remedy.OutsideOrganisations}). A draft can be saved at any time; sending is
 *       refused per field while a part is missing (the draft is kept, the refusal audit-logged). The text
 *       is fixed when sent ({@code notice_ko/en}) and served at {@code /{lang}/breach-notices/<id>}.</li>
 * <li><b>Sending</b>, one transaction: a general notice fan-out to every confirmed subscriber
 *       ({@code subscription.NoticeMailer.generalNotice}, sent in pages in the background), a mail to each
 *       complainant concerned ({@code complaint.ComplaintDesk.mailNotice}), the public notice where people
 *       cannot be reached ({@code notice.NoticeService} with {@code shownUntil} = the start of the 31st Seoul
 *       day), the device count fixed, the audit entry. Then the affected devices get a {@code NOTIFY}
 *       ({@code command.Commands.notify}, reference {@code breach:<id>}, 30 days): 500 devices per
 *       transaction with the incident row locked and the last device id stored, so a restart or a second
 *       instance resumes ({@code notifyDevices}, run after sending and by the {@code exclusive} job "breach
 *       device notices" every 30 s). The command carries a short bilingual summary with the link to the
 *       whole notice (a command's text is at most 500 characters); the push itself is content-free.</li>
 * <li><b>Delivery</b>: per device from the command channel ({@code byReference}): confirmed (signed
 *       receipt), waiting, unreachable (failed or expired); subscriber mails from the fan-out's progress;
 *       complainant mails counted. Resend queues a new {@code NOTIFY} for devices that ended unconfirmed and
 *       wakes the ones still waiting.</li>
 * <li><b>The report</b>: {@code /manager/breach/<id>/report} (printable) and {@code …/report.txt}
 *       (download): organisation, contact, items, number of people, time and circumstances, measures,
 *       notice given, why it is owed. Submission happens outside the portal; the manager records when and
 *       to whom, which stops the clock once the notice is out too.</li>
 * <li><b>Clock</b>: the register and the incident page show the deadline in KST and the hours and minutes
 *       left (or past); the dashboard's home shows the most urgent open incident ({@code BreachPanel}).</li>
 * <li><b>Records</b>: every change and view is audit-logged with the incident's id. The incident holds no
 *       personal data: opaque device ids, complaint references and the notice's own text.</li>
 * </ul>
 */
package kr.jsoft.privacyportal.breach;
