package kr.jsoft.privacyportal.web;

/** A request the portal cannot act on; the message says what was wrong and is shown to the visitor. */
public class BadRequestException extends RuntimeException {
    private final int status;

    public BadRequestException(String message) {
        this(400, message);
    }

    public BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
