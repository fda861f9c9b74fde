package io.hyperscalelab.security;

/** A learner account just created, with the password it was given: the only moment it is known in clear. */
public record NewLearner(Account account, String password) {

    @Override
    public String toString() {
        return "NewLearner[" + account.username() + "]";
    }
}
