/**
 * The browser Cloud Shell's engine, without its UI: a bash-like, line-oriented session per
 * learner with a private home directory, the commands the lab uses ({@code curl}, {@code ls},
 * {@code psql}, ...), and a terminal front ({@link io.hyperscalelab.shell.TerminalSession}) that
 * turns an xterm's keystrokes into lines and the session's output into terminal text. psql's
 * statements on a server group run through the distributed executor
 * ({@link io.hyperscalelab.shell.ExecutorRoutes}).
 */
package io.hyperscalelab.shell;
