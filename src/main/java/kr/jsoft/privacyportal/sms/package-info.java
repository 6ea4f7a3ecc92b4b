/**
 * Text messages to Korean mobile numbers, and the rules for those numbers.
 *
 * <ul>
 * <li>{@code SmsGateway} sends one SMS. {@code SensSmsGateway} speaks NAVER Cloud SENS SMS API v2 (requests
 *       signed with the API Gateway signature v2, {@code SensSignature}); {@code DevelopmentSmsInbox} keeps the
 *       last messages in memory for the development dashboard page and sends nothing. {@code SmsSettings}
 *       chooses ({@code PORTAL_SMS_PROVIDER}); production accepts only SENS.</li>
 * <li>Numbers and texts are personal data: no result, exception, {@code toString()} or log line carries them
 *       (the SENS gateway logs only the status and the provider's request id).</li>
 * <li>{@code PhoneNumbers} normalises the notations people type ({@code 010-1234-5678}, {@code +82 10…}) to
 *       E.164 and refuses anything that is not a Korean mobile number before any provider is contacted; error
 *       messages never repeat the input. {@code SmsText} keeps a text within one SMS (90 bytes in EUC-KR).</li>
 * </ul>
 * <p>Who may be sent a code, and how often, is the device registry's business ({@code device}), not this
 *     package's.
 */
package kr.jsoft.privacyportal.sms;
