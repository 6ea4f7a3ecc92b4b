/**
 * Where a person turns when jsoft says no: the remedies every refusal or postponement states.
 *
 * <ul>
 *   <li>{@link kr.jsoft.privacyportal.remedy.OutsideOrganisations}: the outside organisations for
 *       remedies as data of the portal, not of a policy version. A version's list is the text that was
 *       published (and may name bodies that have since closed or moved: 1336.or.kr, eprivacy.or.kr,
 *       icic.sppo.go.kr, ctrc.go.kr); where to turn must be current whatever version is in force.</li>
 *   <li>{@link kr.jsoft.privacyportal.remedy.Remedies}: one refusal's remedies for a page or a mail:
 *       the grounds, how to object to jsoft itself (PIPA Art. 38(5): the channel, who decides and within
 *       how many days) and, separately, the outside organisations. Pages render it with
 *       {@code remedy/remedies :: page(remedy)}, mails with {@code remedy/remedies :: mail} and
 *       {@code remedy/remedies.txt}.</li>
 * </ul>
 *
 * <p>Imports only cores, so every feature (policy, complaint, destruction, rights) may use it.
 */
package kr.jsoft.privacyportal.remedy;
