-- A worker: the queue through which the coordinator sends shard DDL within its transaction.
CREATE EXTENSION citus_worker;
