-- Makes the three servers one Citus cluster: the coordinator's own address, then its two workers,
-- by the names they have on the compose network. A node already registered stays as it is, so
-- running this again (every `docker compose up`) changes nothing.
SELECT citus_set_coordinator_host('coordinator', 5432);
SELECT citus_add_node('worker1', 5432);
SELECT citus_add_node('worker2', 5432);
