/**
 * Loading CSV into distributed tables: each row straight to its shard, one COPY stream per shard,
 * all shards committed together or none, and errors that name the line of the user's file.
 */
package io.hyperscalelab.load;
