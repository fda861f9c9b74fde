-- What the portal knows about each server group beyond what its servers run: the form it was
-- created from (subscription, resource group, location, sizes, networking choices and tags),
-- never its passwords. The worker count, version and firewall the portal shows are the
-- cluster's own; these are what it was asked for. Until this migration each group's record was
-- a properties file under <data>/portal/server-groups/; the app imports those once at start.
CREATE TABLE server_group_record (
    server_group            text        PRIMARY KEY
                                        CHECK (server_group ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?$'
                                               AND length(server_group) BETWEEN 3 AND 40),
    subscription            text        NOT NULL,
    resource_group          text        NOT NULL,
    location                text        NOT NULL,
    postgres_version        integer,
    tier                    text        NOT NULL,
    worker_count            integer     NOT NULL,
    worker_vcores           integer     NOT NULL,
    worker_storage_gib      integer     NOT NULL,
    coordinator_vcores      integer     NOT NULL,
    coordinator_storage_gib integer     NOT NULL,
    high_availability       boolean     NOT NULL,
    connectivity            text        NOT NULL,
    allow_azure_services    boolean     NOT NULL,
    -- in the order typed: [{"name": ..., "startIp": ..., "endIp": ...}, ...]
    firewall_rules          jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(firewall_rules) = 'array'),
    -- in the order typed: [{"name": ..., "value": ...}, ...]
    tags                    jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tags) = 'array'),
    saved_at                timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX server_group_record_resource_group ON server_group_record (resource_group);
