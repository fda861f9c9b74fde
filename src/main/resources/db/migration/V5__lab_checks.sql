-- The lab steps each learner has done, as the guide's self-checks verified them against the
-- learner's own server group. A step stays done once verified (done_at is its first time);
-- detail is what the latest passing check found, in the learner's words
-- ("github_events: 126,245 rows, github_users: 264,308 rows"). Read by the guide's marks and by
-- instructors' views of their learners' progress.
CREATE TABLE lab_step_check (
    account_id bigint      NOT NULL REFERENCES account ON DELETE CASCADE,
    step       text        NOT NULL CHECK (step ~ '^[a-z0-9-]{1,64}$'),
    done_at    timestamptz NOT NULL DEFAULT now(),
    checked_at timestamptz NOT NULL DEFAULT now(),
    detail     text        NOT NULL,
    PRIMARY KEY (account_id, step)
);
