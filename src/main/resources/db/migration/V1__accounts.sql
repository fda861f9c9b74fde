-- Who can sign in to the portal. Learners get a generated account when they start the lab; the
-- six-digit deployment id also names their server group (postgresNNNNNN) and resource group
-- (citus-NNNNNN).
CREATE TABLE account (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username       text        NOT NULL UNIQUE CHECK (username = lower(username)),
    password_hash  text        NOT NULL,
    role           text        NOT NULL CHECK (role IN ('LEARNER', 'INSTRUCTOR')),
    deployment_id  integer     UNIQUE CHECK (deployment_id BETWEEN 100000 AND 999999),
    -- the answer to "Stay signed in?" given with "Don't show this again"; NULL: ask at each sign-in
    stay_signed_in boolean,
    welcome_seen   boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (role <> 'LEARNER' OR deployment_id IS NOT NULL)
);

-- "Stay signed in? Yes": Spring Security's persistent remember-me tokens (the table
-- JdbcTokenRepositoryImpl reads and writes), removed with their account.
CREATE TABLE persistent_logins (
    username  text        NOT NULL REFERENCES account (username) ON DELETE CASCADE,
    series    varchar(64) PRIMARY KEY,
    token     varchar(64) NOT NULL,
    last_used timestamp   NOT NULL
);
CREATE INDEX persistent_logins_username ON persistent_logins (username);
