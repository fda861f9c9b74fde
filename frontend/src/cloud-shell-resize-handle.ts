/**
 * The top edge of the Cloud Shell pane: dragging it (or Arrow Up / Arrow Down while it has focus)
 * makes its parent, the pane, taller or shorter, between a toolbar's height and the whole area
 * the pane sits in. Each finished change is reported as a `pane-resized` event.
 */
const MIN_HEIGHT = 120;
const KEY_STEP = 24;

class CloudShellResizeHandle extends HTMLElement {
  connectedCallback() {
    this.setAttribute('role', 'separator');
    this.setAttribute('aria-orientation', 'horizontal');
    this.setAttribute('aria-label', 'Resize Cloud Shell');
    this.tabIndex = 0;
    this.addEventListener('pointerdown', this.startDrag);
    this.addEventListener('keydown', this.step);
  }

  disconnectedCallback() {
    this.removeEventListener('pointerdown', this.startDrag);
    this.removeEventListener('keydown', this.step);
  }

  private readonly startDrag = (down: PointerEvent) => {
    const pane = this.parentElement;
    if (!pane || down.button !== 0) {
      return;
    }
    down.preventDefault();
    this.setPointerCapture(down.pointerId);
    const move = (event: PointerEvent) => this.resize(pane, this.areaBottom(pane) - event.clientY);
    const end = () => {
      this.removeEventListener('pointermove', move);
      this.removeEventListener('pointerup', end);
      this.removeEventListener('pointercancel', end);
      this.resized();
    };
    this.addEventListener('pointermove', move);
    this.addEventListener('pointerup', end);
    this.addEventListener('pointercancel', end);
  };

  private readonly step = (event: KeyboardEvent) => {
    const pane = this.parentElement;
    if (!pane || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) {
      return;
    }
    event.preventDefault();
    const height = pane.getBoundingClientRect().height;
    this.resize(pane, height + (event.key === 'ArrowUp' ? KEY_STEP : -KEY_STEP));
    this.resized();
  };

  private areaBottom(pane: HTMLElement): number {
    return (pane.parentElement ?? pane).getBoundingClientRect().bottom;
  }

  private resize(pane: HTMLElement, height: number) {
    const area = (pane.parentElement ?? pane).getBoundingClientRect().height;
    pane.style.height = `${Math.round(Math.max(MIN_HEIGHT, Math.min(height, area)))}px`;
  }

  private resized() {
    this.dispatchEvent(new CustomEvent('pane-resized'));
  }
}

customElements.define('cloud-shell-resize-handle', CloudShellResizeHandle);
