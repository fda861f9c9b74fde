#!/bin/sh
# The coordinator asks every client for its password (the portal as the cluster's admin, each server
# group's learner role as itself), except Citus' own connections from the coordinator to itself.
# Runs once, when the coordinator's data directory is initialised, before the server starts for good.
set -eu
sed -i '1i host all all samehost trust' "$PGDATA/pg_hba.conf"
