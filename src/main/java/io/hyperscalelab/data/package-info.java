/**
 * The lab's data: its two CSV files, {@code users.csv} and {@code events.csv}, generated offline
 * from a seed instead of downloaded (synthetic, GitHub-Archive-shaped, streamed in
 * {@code COPY ... WITH CSV} format and cached on disk).
 */
package io.hyperscalelab.data;
