package io.hyperscalelab.psql;

/** The server asked for a password and none was given: psql then prompts for one. */
public class PasswordRequiredException extends Exception {

    public PasswordRequiredException() {
        super("fe_sendauth: no password supplied");
    }
}
