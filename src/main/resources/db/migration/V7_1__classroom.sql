-- Classes: an instructor's group of learners who take the lab together. A class has a number of
-- seats (learner accounts generated for it, or taken by learners who start the lab with its
-- code), and a lab time that runs from its creation to ends_at, which "Extend the time" moves.
-- Ending a class deletes its learners' server groups and keeps the class, with ended_at, for the record.
CREATE TABLE classroom (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instructor_id bigint      NOT NULL REFERENCES account ON DELETE CASCADE,
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80 AND name = btrim(name)),
    seats         integer     NOT NULL CHECK (seats BETWEEN 1 AND 200),
    lab_minutes   integer     NOT NULL CHECK (lab_minutes BETWEEN 15 AND 7 * 24 * 60),
    -- what learners type to join: 8 characters that cannot be confused (no 0/O, 1/I/L)
    code          text        NOT NULL UNIQUE CHECK (code ~ '^[A-HJKMNP-Z2-9]{8}$'),
    created_at    timestamptz NOT NULL DEFAULT now(),
    ends_at       timestamptz NOT NULL,
    ended_at      timestamptz,
    CHECK (ends_at >= created_at)
);
CREATE INDEX classroom_instructor ON classroom (instructor_id);

-- A learner belongs to at most one class; seats are numbered from 1 in the order they were taken.
CREATE TABLE class_member (
    account_id bigint      PRIMARY KEY REFERENCES account ON DELETE CASCADE,
    class_id   bigint      NOT NULL REFERENCES classroom ON DELETE CASCADE,
    seat       integer     NOT NULL CHECK (seat >= 1),
    joined_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (class_id, seat)
);

-- When each account last used the portal (a page, a click), for the instructor's dashboard.
-- Written at most about twice a minute per account.
ALTER TABLE account ADD COLUMN last_active_at timestamptz;
