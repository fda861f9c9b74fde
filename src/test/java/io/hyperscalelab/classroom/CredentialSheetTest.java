package io.hyperscalelab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The credentials CSV and the rules of a new class. */
class CredentialSheetTest {

    private static final Classroom CLASS = new Classroom(1, 2, "Tuesday, \"advanced\"", 3, Duration.ofHours(2), "ABCD2345",
            Instant.EPOCH, Instant.EPOCH.plusSeconds(7200), null);

    @Test
    void theCsvHasOneQuotedRowPerSeat() {
        CredentialSheet sheet = new CredentialSheet(CLASS, List.of(new Credential(1, "odl_user_100001@hyperscalelab.onmicrosoft.com",
                "Ab3xyzAb3xyzAb3x"), new Credential(2, "odl_user_100002@hyperscalelab.onmicrosoft.com", "=cmd|calc")),
                "http://lab.example.org:8080/");

        assertThat(sheet.csv()).isEqualTo(CredentialSheet.CSV_HEADER + "\r\n"
                + "1,odl_user_100001@hyperscalelab.onmicrosoft.com,Ab3xyzAb3xyzAb3x,\"Tuesday, \"\"advanced\"\"\",ABCD2345,"
                + "http://lab.example.org:8080/\r\n"
                + "2,odl_user_100002@hyperscalelab.onmicrosoft.com,'=cmd|calc,\"Tuesday, \"\"advanced\"\"\",ABCD2345,"
                + "http://lab.example.org:8080/\r\n");
        assertThat(sheet.csvFileName()).isEqualTo("tuesday-advanced-credentials.csv");
    }

    @Test
    void aNewClassSaysWhatIsWrongWithEachField() {
        assertThat(new NewClass("  Tuesday ", 30, Duration.ofHours(6), 30).problems()).isEmpty();
        assertThat(new NewClass("", 0, Duration.ofMinutes(5), 1).problems()).containsOnlyKeys(NewClass.Field.NAME,
                NewClass.Field.SEATS, NewClass.Field.LAB_DURATION, NewClass.Field.ACCOUNTS_NOW);
        assertThat(new NewClass("x".repeat(81), 201, Duration.ofDays(8), -1).problems().values()).containsExactly(
                "A class name has 1 to 80 characters.", "A class has 1 to 200 seats.", "The lab runs for 15 minutes to 7 days.",
                "Generate 0 to 201 accounts: one per seat at most.");
        assertThat(new NewClass("Odd", 5, Duration.ofSeconds(3601), 6).problems().values()).containsExactly(
                "The lab duration is a whole number of minutes.", "Generate 0 to 5 accounts: one per seat at most.");
    }

    @Test
    void classCodesAreTypedWithoutCaseBlanksOrHyphens() {
        assertThat(ClassCode.normalize(" abcd-2345 ")).isEqualTo("ABCD2345");
        String code = ClassCode.generate(new java.security.SecureRandom());
        assertThat(code).matches("[A-HJKMNP-Z2-9]{8}");
    }
}
