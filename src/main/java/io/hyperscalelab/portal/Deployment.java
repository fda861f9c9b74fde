package io.hyperscalelab.portal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One run of Create on the form, as the portal's deployment page follows it. Created on the UI
 * thread and finished by the provisioning thread, so its outcome is one volatile value.
 */
public final class Deployment {

    public enum State { IN_PROGRESS, SUCCEEDED, FAILED }

    private record Outcome(State state, String failure, Instant endedAt) {
    }

    private final String name;
    private final ServerGroupForm form;
    private final Instant startedAt;
    private final String correlationId = UUID.randomUUID().toString();
    private volatile Outcome outcome = new Outcome(State.IN_PROGRESS, null, null);

    Deployment(String name, ServerGroupForm form, Instant startedAt) {
        this.name = name;
        this.form = form.asCreated();
        this.startedAt = startedAt;
    }

    /** Azure's style: "Microsoft.PostgreSQLServerGroup-20201116101112". */
    public String name() {
        return name;
    }

    /** What was asked for, without the passwords. */
    public ServerGroupForm form() {
        return form;
    }

    public String serverGroupName() {
        return form.serverGroupName();
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String correlationId() {
        return correlationId;
    }

    public State state() {
        return outcome.state();
    }

    /** The cluster's own message when the deployment failed. */
    public Optional<String> failure() {
        return Optional.ofNullable(outcome.failure());
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(outcome.endedAt());
    }

    void succeeded(Instant at) {
        outcome = new Outcome(State.SUCCEEDED, null, at);
    }

    void failed(String message, Instant at) {
        outcome = new Outcome(State.FAILED, message, at);
    }
}
