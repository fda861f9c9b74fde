-- A lab started from a browser. The browser keeps a random token in a cookie; this table keeps
-- only its SHA-256, and the learner's generated password sealed (AES-GCM) with a key derived from
-- that token. Environment Details can therefore show the password in the browser that started
-- the lab, while the database alone reveals nothing but a password hash.
CREATE TABLE lab_launch (
    account_id      bigint      PRIMARY KEY REFERENCES account ON DELETE CASCADE,
    token_hash      bytea       NOT NULL UNIQUE,
    sealed_password bytea       NOT NULL,
    started_at      timestamptz NOT NULL DEFAULT now()
);

-- The lab guide page each learner is on, so that it opens there again after sign-out or restart.
CREATE TABLE lab_progress (
    account_id bigint      PRIMARY KEY REFERENCES account ON DELETE CASCADE,
    page       text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
