package io.hyperscalelab.shell;

/** A transfer curl gives up on, with curl's exit code and message ({@code curl: (6) Could not resolve host: x}). */
final class CurlException extends Exception {

    private final int code;

    CurlException(int code, String message) {
        super(message);
        this.code = code;
    }

    int code() {
        return code;
    }

    String curlMessage() {
        return "curl: (" + code + ") " + getMessage();
    }
}
