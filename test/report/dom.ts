/**
 * The few browser APIs the Chromium tests call inside `page.evaluate`. The project compiles without
 * the DOM library (it targets Node), so the page-side callbacks cast `globalThis` to this shape.
 */

/** A 2-D canvas context, as far as reading pixels goes. */
export interface Canvas2D {
  getImageData(x: number, y: number, width: number, height: number): { readonly data: Uint8ClampedArray };
}

/** A canvas element. */
export interface CanvasLike {
  readonly width: number;
  readonly height: number;
  getContext(kind: '2d'): Canvas2D | null;
}

/** An element we query or measure. */
export interface ElementLike {
  readonly tagName: string;
  readonly className: string;
  readonly id: string;
  querySelectorAll(selector: string): ArrayLike<CanvasLike>;
  getBoundingClientRect(): { readonly right: number };
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}

/** The page's globals. */
export interface PageGlobals {
  readonly document: {
    readonly documentElement: { readonly scrollWidth: number };
    getElementById(id: string): ElementLike | null;
    querySelectorAll(selector: string): ArrayLike<ElementLike>;
  };
  requestAnimationFrame(callback: () => void): number;
  readonly pwned?: number;
}
