/**
 * The portal's Cloud Shell pane: the banner button opens it at the bottom of the portal, with
 * Azure's toolbar, the first run's dialogs (Bash or PowerShell, then the storage with its advanced
 * settings, remembered per learner in the state database) and an xterm.js terminal
 * ({@code frontend/src/xterm-terminal.ts}) in front of the shell engine's
 * {@link io.hyperscalelab.shell.TerminalSession}. Keys travel to the session as xterm sends them;
 * output comes back by server push.
 */
package io.hyperscalelab.portal.cloudshell;
