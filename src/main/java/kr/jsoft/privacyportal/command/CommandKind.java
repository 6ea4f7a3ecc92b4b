package kr.jsoft.privacyportal.command;

/** What a command asks the app to do. */
public enum CommandKind {
    /** Show the user a message (e.g. "a new device was registered to your number"). */
    NOTIFY,
    /** Show a number and ask the user to approve or refuse an action; the answer comes back signed. */
    APPROVE_REQUEST,
    /** Delete the app's data on the device and report the counts deleted. */
    WIPE_APP_DATA
}
