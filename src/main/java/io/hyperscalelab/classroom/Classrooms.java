package io.hyperscalelab.classroom;

import io.hyperscalelab.lab.LabClasses;
import io.hyperscalelab.security.Account;
import io.hyperscalelab.security.AccountRepository;
import io.hyperscalelab.security.LearnerAccounts;
import io.hyperscalelab.security.NewLearner;
import io.hyperscalelab.security.Role;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Classes in the state database: creating one with its generated learners, who is in which, and
 * the changes an instructor makes to a class's record. An instructor reaches only their own
 * classes: every lookup by id takes the instructor.
 */
@Service
public class Classrooms {

    /** The result of creating a class: its record, and the generated learners' credentials, seat by seat. */
    public record Created(Classroom classroom, List<Credential> credentials) {
    }

    private static final String COLUMNS = "id, instructor_id, name, seats, lab_minutes, code, created_at, ends_at, ended_at";
    private static final int CODE_ATTEMPTS = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final LearnerAccounts learners;
    private final AccountRepository accounts;
    private final SecureRandom random = new SecureRandom();

    Classrooms(JdbcClient jdbc, TransactionTemplate transaction, LearnerAccounts learners, AccountRepository accounts) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.learners = learners;
        this.accounts = accounts;
    }

    /**
     * Creates the class with its generated learners, all or nothing.
     *
     * @throws IllegalArgumentException with the first problem of the form, or when {@code instructor} is none
     */
    public Created create(Account instructor, NewClass form) {
        requireInstructor(instructor);
        form.problems().values().stream().findFirst().ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return transaction.execute(status -> {
            Classroom classroom = insert(instructor, form);
            List<Credential> credentials = new ArrayList<>();
            for (int seat = 1; seat <= form.accountsNow(); seat++) {
                NewLearner learner = learners.generate();
                addMember(classroom.id(), learner.account().id(), seat);
                credentials.add(new Credential(seat, learner.account().username(), learner.password()));
            }
            return new Created(classroom, List.copyOf(credentials));
        });
    }

    /** The instructor's classes, newest first. */
    public List<Classroom> of(Account instructor) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM classroom WHERE instructor_id = ? ORDER BY created_at DESC, id DESC")
                .param(instructor.id()).query(Classrooms::classroom).list();
    }

    /** One of the instructor's classes; another instructor's reads as absent. */
    public Optional<Classroom> find(Account instructor, long classId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM classroom WHERE id = ? AND instructor_id = ?")
                .params(classId, instructor.id()).query(Classrooms::classroom).optional();
    }

    /** The class a learner is in, if any. */
    public Optional<Classroom> classOf(long learnerAccountId) {
        return jdbc.sql("SELECT " + prefixed("c") + " FROM classroom c JOIN class_member m ON m.class_id = c.id "
                        + "WHERE m.account_id = ?")
                .param(learnerAccountId).query(Classrooms::classroom).optional();
    }

    /** The class's learners, by seat. */
    public List<ClassMember> members(Classroom classroom) {
        record Row(long accountId, int seat, Instant joinedAt, Instant lastActiveAt) {
        }
        List<Row> rows = jdbc.sql("SELECT m.account_id, m.seat, m.joined_at, a.last_active_at FROM class_member m "
                        + "JOIN account a ON a.id = m.account_id WHERE m.class_id = ? ORDER BY m.seat")
                .param(classroom.id())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), instant(rs, 3), instant(rs, 4))).list();
        Map<Long, Account> byId = accounts.findAllById(rows.stream().map(Row::accountId).toList()).stream()
                .collect(Collectors.toMap(Account::id, account -> account));
        return rows.stream().filter(row -> byId.containsKey(row.accountId()))
                .map(row -> new ClassMember(byId.get(row.accountId()), row.seat(), row.joinedAt(), row.lastActiveAt()))
                .toList();
    }

    /** One learner of the class, by account. */
    public Optional<ClassMember> member(Classroom classroom, long accountId) {
        return members(classroom).stream().filter(m -> m.account().id() == accountId).findFirst();
    }

    /**
     * Gives {@code learner} the next free seat of the class with {@code code}, inside the caller's
     * transaction. Seats are counted under a lock of the class's row, so two learners joining at
     * once cannot both take the last one.
     *
     * @throws LabClasses.ClassCodeException with the reason, in words for the learner
     */
    void enrol(Account learner, String code) {
        String normalized = ClassCode.normalize(code);
        Classroom classroom = jdbc.sql("SELECT " + COLUMNS + " FROM classroom WHERE code = ? FOR UPDATE")
                .param(normalized).query(Classrooms::classroom).optional()
                .orElseThrow(() -> new LabClasses.ClassCodeException("No class has the code " + normalized
                        + ". Check the code with your instructor."));
        if (classroom.ended()) {
            throw new LabClasses.ClassCodeException("Class " + classroom.name() + " has ended.");
        }
        int taken = jdbc.sql("SELECT count(*) FROM class_member WHERE class_id = ?").param(classroom.id())
                .query(Integer.class).single();
        if (taken >= classroom.seats()) {
            throw new LabClasses.ClassCodeException("Class " + classroom.name() + " is full: its " + classroom.seats()
                    + " seats are taken. Ask your instructor for a seat.");
        }
        int seat = jdbc.sql("SELECT coalesce(max(seat), 0) + 1 FROM class_member WHERE class_id = ?").param(classroom.id())
                .query(Integer.class).single();
        addMember(classroom.id(), learner.id(), seat);
    }

    /** Moves the end of the class's lab time by {@code extra}; returns the class as it is now. */
    Classroom extend(Classroom classroom, Duration extra) {
        return jdbc.sql("UPDATE classroom SET ends_at = greatest(ends_at, now()) + ? * interval '1 minute' "
                        + "WHERE id = ? AND ended_at IS NULL RETURNING " + COLUMNS)
                .params(extra.toMinutes(), classroom.id()).query(Classrooms::classroom).optional()
                .orElseThrow(() -> new IllegalStateException("Class " + classroom.name() + " has ended: its time cannot be extended."));
    }

    /** Records that the class has ended, and ends its lab time now if it had not ended yet. */
    Classroom markEnded(Classroom classroom) {
        return jdbc.sql("UPDATE classroom SET ended_at = coalesce(ended_at, now()), ends_at = least(ends_at, now()) "
                        + "WHERE id = ? RETURNING " + COLUMNS)
                .param(classroom.id()).query(Classrooms::classroom).single();
    }

    /** A new password for a learner of the class, for one who lost theirs; the old one stops working. */
    Credential newPassword(ClassMember member) {
        String password = learners.replacePassword(member.account());
        return new Credential(member.seat(), member.account().username(), password);
    }

    private Classroom insert(Account instructor, NewClass form) {
        for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
            try {
                return jdbc.sql("INSERT INTO classroom (instructor_id, name, seats, lab_minutes, code, ends_at) "
                                + "VALUES (?, ?, ?, ?, ?, now() + ? * interval '1 minute') RETURNING " + COLUMNS)
                        .params(instructor.id(), form.name(), form.seats(), form.labDuration().toMinutes(),
                                ClassCode.generate(random), form.labDuration().toMinutes())
                        .query(Classrooms::classroom).single();
            } catch (DuplicateKeyException taken) {
                // another class has this code: draw again
            }
        }
        throw new IllegalStateException("No free class code after " + CODE_ATTEMPTS + " draws");
    }

    private void addMember(long classId, long accountId, int seat) {
        jdbc.sql("INSERT INTO class_member (account_id, class_id, seat) VALUES (?, ?, ?)").params(accountId, classId, seat).update();
    }

    static void requireInstructor(Account account) {
        if (account.role() != Role.INSTRUCTOR) {
            throw new IllegalArgumentException(account.username() + " is not an instructor");
        }
    }

    private static String prefixed(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private static Classroom classroom(ResultSet rs, int row) throws SQLException {
        return new Classroom(rs.getLong("id"), rs.getLong("instructor_id"), rs.getString("name"), rs.getInt("seats"),
                Duration.ofMinutes(rs.getInt("lab_minutes")), rs.getString("code"), instant(rs, "created_at"),
                instant(rs, "ends_at"), instant(rs, "ended_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs, rs.findColumn(column));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
