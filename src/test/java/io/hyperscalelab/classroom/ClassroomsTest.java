package io.hyperscalelab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hyperscalelab.lab.LabClasses;
import io.hyperscalelab.lab.LabGuide;
import io.hyperscalelab.lab.LabLaunches;
import io.hyperscalelab.lab.LabProgress;
import io.hyperscalelab.lab.check.LabSteps;
import io.hyperscalelab.portal.ServerGroupOwners;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.AccountRepository;
import io.hyperscalelab.security.InstructorAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Classes in the real app and its state database: creating one with generated learners who can
 * sign in, joining with the class code, the class's lab time, and who sees which server groups.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassroomsTest {

    private static final AtomicInteger INSTRUCTORS = new AtomicInteger();
    private static final String PASSWORD = "Teach-the-class-2026";

    @Autowired
    private InstructorAccounts instructors;
    @Autowired
    private Classrooms classrooms;
    @Autowired
    private ClassActions actions;
    @Autowired
    private ClassProgress progress;
    @Autowired
    private LabLaunches launches;
    @Autowired
    private LabClasses labClasses;
    @Autowired
    private LabProgress labProgress;
    @Autowired
    private LabGuide guide;
    @Autowired
    private LabSteps labSteps;
    @Autowired
    private AccountRepository accounts;
    @Autowired
    private ServerGroupOwners owners;
    @Autowired
    private AuthenticationManager authentication;
    @Autowired
    private JdbcClient jdbc;

    /** A new instructor per test: the state database outlives test runs. */
    private Account newInstructor() {
        return instructors.ensure("teacher" + System.nanoTime() + "-" + INSTRUCTORS.incrementAndGet() + "@contoso.com", PASSWORD);
    }

    @Test
    void aNewClassGivesEachGeneratedSeatCredentialsThatSignIn() {
        Account instructor = newInstructor();
        Classrooms.Created created = classrooms.create(instructor, new NewClass("Tuesday", 3, Duration.ofHours(2), 2));

        assertThat(created.credentials()).extracting(Credential::seat).containsExactly(1, 2);
        assertThat(classrooms.members(created.classroom())).extracting(ClassMember::seat).containsExactly(1, 2);
        for (Credential credential : created.credentials()) {
            assertThat(credential.username()).matches("odl_user_\\d{6}@hyperscalelab\\.onmicrosoft\\.com");
            assertThat(authentication.authenticate(new UsernamePasswordAuthenticationToken(credential.username(),
                    credential.password())).isAuthenticated()).isTrue();
        }
        assertThat(created.classroom().code()).matches("[A-HJKMNP-Z2-9]{8}");
        assertThat(Duration.between(created.classroom().createdAt(), created.classroom().endsAt())).isEqualTo(Duration.ofHours(2));
        assertThat(classrooms.of(instructor)).extracting(Classroom::id).containsExactly(created.classroom().id());
        // another instructor's class reads as absent
        assertThat(classrooms.find(newInstructor(), created.classroom().id())).isEmpty();
    }

    @Test
    void aLearnerJoinsWithTheCodeUntilTheSeatsAreTaken() {
        Account instructor = newInstructor();
        Classroom classroom = classrooms.create(instructor, new NewClass("Self service", 2, Duration.ofHours(1), 1)).classroom();
        String typed = classroom.code().substring(0, 4).toLowerCase() + "-" + classroom.code().substring(4) + " ";

        LabLaunches.Started joined = launches.launch("10.1.0.1", Optional.of(typed));

        assertThat(classrooms.classOf(joined.session().account().id())).map(Classroom::id).hasValue(classroom.id());
        assertThat(classrooms.members(classroom)).extracting(ClassMember::seat).containsExactly(1, 2);
        assertThat(labClasses.labEndsAt(joined.session().account())).hasValue(classroom.endsAt());

        int accountsBefore = jdbc.sql("SELECT count(*) FROM account").query(Integer.class).single();
        assertThatThrownBy(() -> launches.launch("10.1.0.1", Optional.of(classroom.code())))
                .isInstanceOf(LabClasses.ClassCodeException.class)
                .hasMessage("Class Self service is full: its 2 seats are taken. Ask your instructor for a seat.");
        assertThatThrownBy(() -> launches.launch("10.1.0.1", Optional.of("ZZZZ2222")))
                .isInstanceOf(LabClasses.ClassCodeException.class)
                .hasMessage("No class has the code ZZZZ2222. Check the code with your instructor.");
        // a refused code leaves no account behind
        assertThat(jdbc.sql("SELECT count(*) FROM account").query(Integer.class).single()).isEqualTo(accountsBefore);
    }

    @Test
    void extendingMovesTheLabTimeOfEveryLearnerAndAnEndedClassTakesNoOne() throws Exception {
        Account instructor = newInstructor();
        Classrooms.Created created = classrooms.create(instructor, new NewClass("Short", 2, Duration.ofMinutes(30), 1));
        Account learner = accounts.findByUsername(created.credentials().get(0).username()).orElseThrow();
        Instant before = labClasses.labEndsAt(learner).orElseThrow();

        Classroom extended = actions.extend(instructor, created.classroom(), Duration.ofMinutes(15));

        assertThat(Duration.between(before, extended.endsAt())).isEqualTo(Duration.ofMinutes(15));
        assertThat(labClasses.labEndsAt(learner)).hasValue(extended.endsAt());
        assertThatThrownBy(() -> actions.extend(newInstructor(), created.classroom(), Duration.ofMinutes(15)))
                .hasMessageContaining("another instructor's");

        Classroom ended = actions.end(instructor, extended).get();
        assertThat(ended.ended()).isTrue();
        assertThat(ended.endsAt()).isBeforeOrEqualTo(Instant.now());
        assertThatThrownBy(() -> launches.launch("10.1.0.2", Optional.of(ended.code())))
                .isInstanceOf(LabClasses.ClassCodeException.class).hasMessage("Class Short has ended.");
        assertThatThrownBy(() -> actions.extend(instructor, ended, Duration.ofMinutes(15))).hasMessageContaining("has ended");
    }

    @Test
    void anInstructorSeesTheirClassesLearnersGroupsAndNoOneElses() {
        Account instructor = newInstructor();
        Account otherInstructor = newInstructor();
        Classrooms.Created created = classrooms.create(instructor, new NewClass("Visibility", 1, Duration.ofHours(1), 1));
        Account learner = accounts.findByUsername(created.credentials().get(0).username()).orElseThrow();
        Account outsider = launches.launch("10.1.0.3", Optional.empty()).session().account();
        String learnersGroup = "vis-" + learner.id();
        String outsidersGroup = "vis-" + outsider.id();
        String instructorsGroup = "vis-" + instructor.id();
        for (Account owner : List.of(learner, outsider, instructor)) {
            jdbc.sql("INSERT INTO server_group_owner (server_group, account_id) VALUES (?, ?)").params("vis-" + owner.id(), owner.id())
                    .update();
        }

        assertThat(owners.visibleTo(instructor)).accepts(learnersGroup, instructorsGroup).rejects(outsidersGroup);
        assertThat(owners.visibleTo(otherInstructor)).rejects(learnersGroup, instructorsGroup, outsidersGroup);
        assertThat(owners.visibleTo(learner)).accepts(learnersGroup).rejects(outsidersGroup, instructorsGroup);
        assertThat(owners.visibleTo(outsider)).accepts(outsidersGroup).rejects(learnersGroup);
    }

    @Test
    void theDashboardReadsEachLearnersPageAndStepsDone() {
        Account instructor = newInstructor();
        Classrooms.Created created = classrooms.create(instructor, new NewClass("Progress", 2, Duration.ofHours(1), 2));
        Account ahead = accounts.findByUsername(created.credentials().get(0).username()).orElseThrow();
        labProgress.save(ahead, "exercise-3");
        // what the lab's self-checks record once the learner's group passes them
        for (String step : List.of("server-group", "firewall")) {
            jdbc.sql("INSERT INTO lab_step_check (account_id, step, detail) VALUES (?, ?, 'checked')").params(ahead.id(), step).update();
        }

        List<LearnerProgress> rows = progress.of(created.classroom());

        assertThat(rows).hasSize(2);
        LearnerProgress first = rows.get(0);
        assertThat(first.pageTitle()).isEqualTo(guide.page("exercise-3").orElseThrow().title());
        assertThat(first.stepsDone()).containsExactlyInAnyOrder("server-group", "firewall");
        assertThat(first.totalSteps()).isEqualTo(labSteps.all().size());
        assertThat(rows.get(1).pageNumber()).isEqualTo(1);
        assertThat(rows.get(1).stepsDone()).isEmpty();
        assertThat(rows.get(1).groups()).isEmpty();

        assertThat(ClassProgressChart.svg(progress.steps(), rows, Instant.now()))
                .contains("data-step=\"firewall\" data-done=\"1\" data-learners=\"2\"")
                .contains("data-step=\"tables\" data-done=\"0\" data-learners=\"2\"");
    }

    @Test
    void theConfiguredInstructorIsCreatedAndItsPasswordFollowsTheConfiguration() {
        String name = "lead" + System.nanoTime() + "@contoso.com";
        Account instructor = instructors.ensure(name, PASSWORD);
        instructors.ensure(name, PASSWORD + "-changed");

        assertThatThrownBy(() -> authentication.authenticate(new UsernamePasswordAuthenticationToken(name, PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(authentication.authenticate(new UsernamePasswordAuthenticationToken(name, PASSWORD + "-changed"))
                .isAuthenticated()).isTrue();
        assertThat(accounts.findById(instructor.id()).orElseThrow().role().name()).isEqualTo("INSTRUCTOR");
        assertThatThrownBy(() -> instructors.ensure("x" + name, "short")).hasMessageContaining("12 to 128 characters");
        Account learner = launches.launch("10.1.0.4", Optional.empty()).session().account();
        assertThatThrownBy(() -> instructors.ensure(learner.username(), PASSWORD)).hasMessageContaining("is a learner's account");
    }
}
