-- Who created each server group through the portal. A learner sees and opens only their own
-- groups (instructors see all); a group made another way (the API, a test) has no row and is
-- shown to instructors only. The row goes with its account; the group itself is the cluster's.
CREATE TABLE server_group_owner (
    server_group text        PRIMARY KEY,
    account_id   bigint      NOT NULL REFERENCES account ON DELETE CASCADE,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX server_group_owner_account ON server_group_owner (account_id);
