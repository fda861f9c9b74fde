/**
 * Loading CSV into distributed tables: each row straight to its shard, one COPY stream per shard,
 * all shards committed together or none, and errors that name the line of the user's file. The
 * worker connections may be kept between loads ({@link io.hyperscalelab.load.WorkerConnectionPool}),
 * which is most of a small file's cost.
 */
package io.hyperscalelab.load;
