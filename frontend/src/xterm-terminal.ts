import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';

/**
 * An xterm.js terminal as a custom element, for the portal's Cloud Shell pane. What the learner
 * types or pastes leaves as a `terminal-data` event (its detail is xterm's onData string); the
 * server writes the shell's output back with `write(text)`. The terminal keeps its size fitted to
 * the element, which the pane resizes.
 */
class XtermTerminal extends HTMLElement {
  private readonly terminal = new Terminal({
    cursorBlink: true,
    fontFamily: 'Consolas, Menlo, "DejaVu Sans Mono", "Liberation Mono", monospace',
    fontSize: 14,
    // at 1.0 the DOM renderer clips glyphs below the baseline: underscores vanish
    lineHeight: 1.2,
    scrollback: 10000,
    theme: { background: '#000000', foreground: '#ffffff' },
  });
  private readonly fitAddon = new FitAddon();
  private readonly resizeObserver = new ResizeObserver(() => this.fit());
  private opened = false;

  connectedCallback() {
    if (!this.opened) {
      this.opened = true;
      this.terminal.loadAddon(this.fitAddon);
      this.terminal.open(this);
      this.terminal.onData((data) => this.dispatchEvent(new CustomEvent('terminal-data', { detail: data })));
      this.terminal.attachCustomKeyEventHandler((event) => this.clipboardKey(event));
    }
    this.resizeObserver.observe(this);
    this.fit();
  }

  disconnectedCallback() {
    this.resizeObserver.unobserve(this);
  }

  write(text: string) {
    this.terminal.write(text);
  }

  focus() {
    this.terminal.focus();
  }

  /** Everything the terminal holds, scrollback included, a line per row without trailing blanks. */
  text(): string {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < buffer.length; row++) {
      const line = buffer.getLine(row);
      if (line && line.isWrapped && lines.length > 0) {
        lines[lines.length - 1] += line.translateToString(true);
      } else {
        lines.push(line ? line.translateToString(true) : '');
      }
    }
    return lines.join('\n').replace(/\n+$/, '');
  }

  private fit() {
    // a minimised pane hides the terminal: nothing to measure then
    if (this.offsetWidth > 0 && this.offsetHeight > 0) {
      this.fitAddon.fit();
    }
  }

  /**
   * Ctrl+C copies when text is selected, as in Cloud Shell on Windows, and otherwise goes to the
   * shell as an interrupt. Ctrl+V is left to the browser, whose paste event xterm turns into input
   * (each line end becoming Enter).
   */
  private clipboardKey(event: KeyboardEvent): boolean {
    if (event.type !== 'keydown' || !event.ctrlKey || event.altKey || event.metaKey) {
      return true;
    }
    const key = event.key.toLowerCase();
    if (key === 'c' && this.terminal.hasSelection()) {
      navigator.clipboard?.writeText(this.terminal.getSelection());
      this.terminal.clearSelection();
      return false;
    }
    return key !== 'v';
  }
}

customElements.define('xterm-terminal', XtermTerminal);
