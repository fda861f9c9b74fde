package io.hyperscalelab.psql;

/** The transaction state psql shows in its prompt ({@code %x}). */
public enum TransactionStatus {
    IDLE(""), IN_TRANSACTION("*"), FAILED("!");

    private final String promptMark;

    TransactionStatus(String promptMark) {
        this.promptMark = promptMark;
    }

    public String promptMark() {
        return promptMark;
    }
}
