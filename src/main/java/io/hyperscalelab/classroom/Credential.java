package io.hyperscalelab.classroom;

/** A generated learner's sign-in, known in clear only while the instructor's page that created it is open. */
public record Credential(int seat, String username, String password) {

    @Override
    public String toString() {
        return "Credential[" + seat + ", " + username + "]";
    }
}
