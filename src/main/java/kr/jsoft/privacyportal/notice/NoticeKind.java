package kr.jsoft.privacyportal.notice;

/** Why a notice was posted. */
public enum NoticeKind {
    /** A revision of the privacy policy, posted when it is scheduled (its notice period starts). */
    REVISION,
    /** A scheduled revision taken back before it took effect. */
    WITHDRAWAL,
    /** Anything else the public should know. */
    GENERAL
}
