package io.hyperscalelab.psql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The emulated psql against Debian's psql 15, both typed at the same lines against the same
 * PostgreSQL: the screens must match byte for byte, except the client's version in the banner
 * (and psql 15's warning about the newer server) and the figures of {@code \timing}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PsqlDifferentialTest {

    private static final String PASSWORD = LearnerPostgres.PASSWORD;

    private LearnerPostgres postgres;
    private Path home;
    private String connection;

    @BeforeAll
    void start() throws Exception {
        assertThat(RealPsql.available()).as("psql and script are needed: apt-get install postgresql-client bsdutils").isTrue();
        postgres = LearnerPostgres.start("psql-diff");
        home = postgres.home();
        connection = postgres.connectionString();
    }

    @AfterAll
    void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void emptyDatabase() throws Exception {
        try (Connection c = postgres.server().connect(); Statement s = c.createStatement()) {
            s.execute("DROP OWNED BY citus");
        }
    }

    @Test
    void queriesOfEveryShapeAndTheirErrors() throws Exception {
        same(List.of(
                "select 1 as a, 'x' as \"b c\";",
                "select 1 as a,",
                "'x' as \"b c\"",
                ";",
                "select * from nope;",
                "select 1/0;",
                "select (1,",
                "2);",
                "select 'it''s",
                "multi' as m;",
                "select null as n, 1.5::numeric as num, 'left' as txt, true as b, 2::bigint as big, 1e10::float8 as f;",
                "select * from generate_series(1,3) g where false;",
                "select E'line1\\nline2\\nline three' as ml, 'x' as other, E'a\\nb' as last;",
                "select 'é' as e, '日本語' as cjk, 'a' || chr(769) as combining, '😀' as emoji, 'ｆｕｌｌ' as fw;",
                "select E'tab\\there' as t, E'cr\\rhere' as cr, E'bell\\x07' as ctl;",
                "select repeat('wide', 30) as w, 42 as n, 'centered header' as \"a very long header\";",
                "select 12345678901234567890::numeric as big, -1 as neg, 'x' as \"multi",
                "line header\";",
                "do $$ begin raise notice 'hello %', 42; raise warning 'careful'; end $$;",
                "do $$ begin raise exception 'bad' using detail = 'the detail', hint = 'the hint'; end $$;",
                "select 1 + 'x'::int + nope_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;",
                "select 1 from",
                "  generate_series(1,3) g where g.x = 1;",
                "selec 1;",
                "select $tag$ a ; b $tag$ as dollar, $$x$$ as d2;",
                "select /* a ; comment */ 1 as c; -- trailing ; comment",
                "select 1; select 2 as two;",
                "select;",
                "values (1, 'a'), (2, null), (null, 'c');"));
    }

    @Test
    void expandedDisplayTimingAndPsqlsOwnCommands() throws Exception {
        same(List.of(
                "\\x",
                "select 1 as a, 'two' as bb, E'x\\ny' as ccc, null as d;",
                "select * from generate_series(1,12) g;",
                "select 1 where false;",
                "\\x off",
                "\\x foo",
                "\\x auto",
                "\\x off",
                "\\timing",
                "select 1;",
                "select nope;",
                "\\timing off",
                "\\foo",
                "help",
                "select 1",
                "quit",
                ";",
                "select 2 as g \\g",
                "\\r",
                "select 3",
                "\\p",
                "\\r",
                "\\echo hello 'quoted words'",
                "\\conninfo",
                "begin;",
                "select 1/0;",
                "select 1;",
                "rollback;",
                "create table t (a int);",
                "insert into t values (1), (2) returning a;",
                "update t set a = a + 1;",
                "delete from t where a = 3 returning *;",
                "show server_version;",
                "select pg_terminate_backend(pg_backend_pid());",
                "select 'reconnected' as after_reset;"));
    }

    @Test
    void describeCommandsOnTablesWithIndexesAndConstraints() throws Exception {
        same(List.of(
                "\\dt",
                "\\d",
                "create table t1 (id bigint primary key, name text not null default 'x', payload jsonb, created timestamp, check (id > 0));",
                "create index t1_name on t1 (name);",
                "create unique index t1_lower on t1 (lower(name)) where id > 10;",
                "create table t2 (a int references t1(id), b numeric(10,2), c serial, unique (b));",
                "comment on column t1.name is 'the name';",
                "create view v1 as select id from t1;",
                "create sequence s1;",
                "create table p (k bigint, v text) partition by hash (k);",
                "create table p_0 partition of p for values with (modulus 2, remainder 0);",
                "create table p_1 partition of p for values with (modulus 2, remainder 1);",
                "create table big (id int generated always as identity, g int generated always as (id * 2) stored);",
                "\\d",
                "\\dt",
                "\\di",
                "\\dv",
                "\\ds",
                "\\d t1",
                "\\d+ t1",
                "\\d t2",
                "\\d+ t2",
                "\\d v1",
                "\\d+ v1",
                "\\d p",
                "\\d+ p",
                "\\d p_0",
                "\\d big",
                "\\d t1_pkey",
                "\\d+ t1_lower",
                "\\d t2_b_key",
                "\\d s1",
                "\\d+ t2_c_seq",
                "\\d big_id_seq",
                "\\d nope",
                "\\dt nope*",
                "\\dt t*",
                "\\d+",
                "\\dt+ t1",
                "\\dn",
                "\\dx"));
    }

    @Test
    void clientSideCopyFromAndToFiles() throws Exception {
        Files.writeString(home.resolve("rows.csv"), "1,one\n2,\"two, with comma\"\n3,\n");
        Files.writeString(home.resolve("bad.csv"), "1,one\nx,two\n");
        same(List.of(
                "create table c (id int, label text);",
                "\\copy c from 'rows.csv' WITH CSV",
                "\\copy c from rows.csv with (format csv)",
                "\\copy c from 'bad.csv' WITH CSV",
                "\\copy c from 'missing.csv' WITH CSV",
                "\\copy nope from 'rows.csv' WITH CSV",
                "\\copy c (label) from 'rows.csv' WITH CSV",
                "select * from c order by id, label;",
                "\\copy c to 'out.csv' with csv",
                "\\copy (select id from c where id = 1) to 'one.csv'",
                "copy c to stdout with csv;"));
    }

    private void same(List<String> lines) throws Exception {
        String expected = normalise(RealPsql.transcript(connection, PASSWORD, lines, home));
        try (Connection c = postgres.server().connect(); Statement s = c.createStatement()) {
            s.execute("DROP OWNED BY citus");
        }
        String actual = normalise(EmulatedPsql.transcript(connection + " password=" + PASSWORD, lines,
                new PgJdbcBackend(HostDirectory.loopbackOnly(), null), home));
        // both screens side by side for a diff tool; the assertion below shows them too
        Path out = Files.createDirectories(Path.of("target", "psql-differences"));
        String name = StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow().getMethodName());
        Files.writeString(out.resolve(name + ".psql.txt"), expected);
        Files.writeString(out.resolve(name + ".emulated.txt"), actual);
        assertEquals(expected, actual);
    }

    static String normalise(String screen) {
        return screen
                .replaceAll("psql \\(15[^,]*, server ", "psql (15, server ")
                .replaceAll("WARNING: psql major version 15, server major version \\d+\\.\n\\s+Some psql features might not work\\.\n", "")
                .replaceAll("Time: \\d+\\.\\d{3} ms( \\([\\d:.]+\\))?", "Time: N ms");
    }
}
