/**
 * Rights beyond destruction (PIPA Arts. 35–38). A person proves their number the way a
 * destruction request does ({@code destruction.NumberProof}: approval on a registered device with
 * the number to compare, or an SMS code) and gets a page of their own for 30 minutes: everything
 * the portal holds linked to the number, in words and as JSON (access); the email on open requests
 * and complaints to correct (correction); a device to unregister without wiping it, erased and
 * journalled (suspension, withdrawal of consent); destruction one click away. Requests made by
 * phone, mail, in person or through an agent are recorded by staff as rights requests of their
 * kind, with the authority of an agent or legal representative, the number proven by SMS, the
 * 10-day clock on the day's work and a structured outcome mailed and shown on a status page.
 */
package kr.jsoft.privacyportal.rights;
