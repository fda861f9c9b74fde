package io.hyperscalelab.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
    private final long ownerAccountId;
    private final Instant startedAt;
    private final String correlationId = UUID.randomUUID().toString();
    private volatile Outcome outcome = new Outcome(State.IN_PROGRESS, null, null);
    private final CountDownLatch ended = new CountDownLatch(1);

    Deployment(String name, ServerGroupForm form, long ownerAccountId, Instant startedAt) {
        this.name = name;
        this.form = form.asCreated();
        this.ownerAccountId = ownerAccountId;
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

    /** The account that clicked Create: only they (and instructors) follow it, failed or not. */
    public long ownerAccountId() {
        return ownerAccountId;
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

    /** Waits up to {@code timeout} for the deployment to succeed or fail; true when it has. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void succeeded(Instant at) {
        outcome = new Outcome(State.SUCCEEDED, null, at);
        ended.countDown();
    }

    void failed(String message, Instant at) {
        outcome = new Outcome(State.FAILED, message, at);
        ended.countDown();
    }
}
