package kr.jsoft.privacyportal.push;

/** A Web Push endpoint that {@link EndpointPolicy} does not allow. The message names no address. */
public final class RefusedEndpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public RefusedEndpointException(String reason) {
        super(reason);
    }
}
