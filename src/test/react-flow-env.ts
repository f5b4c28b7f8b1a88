/**
 * What React Flow needs from the browser and jsdom lacks (toolchain notes, "React
 * Flow under jsdom"). Import it first in any component test that renders the canvas:
 *
 * - ResizeObserver, calling back asynchronously: React Flow measures nodes from the callback,
 *   and keeps unmeasured nodes hidden (visibility: hidden), which hides them from getByRole.
 * - DOMMatrixReadOnly: the zoom is read from a transform's m22.
 * - non-zero offsetWidth/offsetHeight: node and pane sizes.
 * - SVGElement.getBBox: edge labels (harmless here, but cheap to have).
 */

const WIDTH = 280;
const HEIGHT = 160;

/** Pixels from an inline `width: 123px` style, else the default. */
function styleSize(element: HTMLElement, key: 'width' | 'height', fallback: number): number {
  const text = element.style?.[key] ?? '';
  const value = text.endsWith('px') ? Number.parseFloat(text) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

class ResizeObserverMock implements ResizeObserver {
  private readonly callback: ResizeObserverCallback;
  private readonly targets = new Set<Element>();
  private scheduled = false;

  constructor(callback: ResizeObserverCallback) {
    this.callback = callback;
  }

  observe(target: Element): void {
    this.targets.add(target);
    this.schedule();
  }

  unobserve(target: Element): void {
    this.targets.delete(target);
  }

  disconnect(): void {
    this.targets.clear();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      if (this.targets.size === 0) return;
      const entries = [...this.targets].map((target) => {
        const width = target instanceof HTMLElement ? target.offsetWidth : WIDTH;
        const height = target instanceof HTMLElement ? target.offsetHeight : HEIGHT;
        const size = [{ inlineSize: width, blockSize: height }];
        return {
          target,
          contentRect: { x: 0, y: 0, top: 0, left: 0, bottom: height, right: width, width, height, toJSON: () => ({}) },
          borderBoxSize: size,
          contentBoxSize: size,
          devicePixelContentBoxSize: size,
        } as unknown as ResizeObserverEntry;
      });
      this.callback(entries, this);
    }, 0);
  }
}

class DOMMatrixReadOnlyMock {
  readonly m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([\d.]+)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}

if (typeof window !== 'undefined') {
  globalThis.ResizeObserver = ResizeObserverMock;
  window.ResizeObserver = ResizeObserverMock;
  if (!('DOMMatrixReadOnly' in window)) {
    Object.defineProperty(globalThis, 'DOMMatrixReadOnly', { value: DOMMatrixReadOnlyMock, configurable: true, writable: true });
  }
  Object.defineProperties(HTMLElement.prototype, {
    offsetWidth: {
      configurable: true,
      get(this: HTMLElement) {
        return styleSize(this, 'width', WIDTH);
      },
    },
    offsetHeight: {
      configurable: true,
      get(this: HTMLElement) {
        return styleSize(this, 'height', HEIGHT);
      },
    },
  });
  Object.defineProperty(SVGElement.prototype, 'getBBox', {
    configurable: true,
    writable: true,
    value: () => ({ x: 0, y: 0, width: 100, height: 20 }),
  });
}

export {};
