-- The Cloud Shell storage each learner created on the first run of Cloud Shell ("You have no
-- storage mounted" > Create storage). Its row is what makes later openings go straight to the
-- terminal. The names follow Azure's rules, and storage account names are unique, as on Azure.
CREATE TABLE cloud_shell_storage (
    account_id      bigint      PRIMARY KEY REFERENCES account ON DELETE CASCADE,
    region          text        NOT NULL,
    resource_group  text        NOT NULL CHECK (length(resource_group) BETWEEN 1 AND 90),
    storage_account text        NOT NULL UNIQUE CHECK (storage_account ~ '^[a-z0-9]{3,24}$'),
    file_share      text        NOT NULL CHECK (file_share ~ '^[a-z0-9](-?[a-z0-9])+$' AND length(file_share) BETWEEN 3 AND 63),
    created_at      timestamptz NOT NULL DEFAULT now()
);
