package io.hyperscalelab.classroom;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an instructor asks for when creating a class; {@link #problems()} holds its rules, for the
 * form and any other caller alike.
 *
 * @param name         shown to the instructor and on the credential sheet
 * @param seats        how many learners the class holds
 * @param labDuration  how long the lab runs, from now
 * @param accountsNow  how many of the seats get generated accounts now; the others are taken by
 *                     learners who start the lab with the class code
 */
public record NewClass(String name, int seats, Duration labDuration, int accountsNow) {

    public static final int MAX_NAME = 80;
    public static final int MAX_SEATS = 200;
    public static final Duration MIN_DURATION = Duration.ofMinutes(15);
    public static final Duration MAX_DURATION = Duration.ofDays(7);

    public enum Field { NAME, SEATS, LAB_DURATION, ACCOUNTS_NOW }

    public NewClass {
        name = name == null ? "" : name.strip();
    }

    /** Each field's problem, in the form's order; empty when the class can be created. */
    public Map<Field, String> problems() {
        Map<Field, String> problems = new LinkedHashMap<>();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            problems.put(Field.NAME, "A class name has 1 to " + MAX_NAME + " characters.");
        }
        if (seats < 1 || seats > MAX_SEATS) {
            problems.put(Field.SEATS, "A class has 1 to " + MAX_SEATS + " seats.");
        }
        if (labDuration == null || labDuration.compareTo(MIN_DURATION) < 0 || labDuration.compareTo(MAX_DURATION) > 0) {
            problems.put(Field.LAB_DURATION, "The lab runs for 15 minutes to 7 days.");
        } else if (labDuration.toSecondsPart() != 0 || labDuration.toMillisPart() != 0) {
            problems.put(Field.LAB_DURATION, "The lab duration is a whole number of minutes.");
        }
        if (accountsNow < 0 || accountsNow > seats) {
            problems.put(Field.ACCOUNTS_NOW, "Generate 0 to " + Math.max(seats, 0) + " accounts: one per seat at most.");
        }
        return problems;
    }
}
