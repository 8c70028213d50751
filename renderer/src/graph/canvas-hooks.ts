/**
 * React hooks of a graph view: waiting until the view is shown, and the global graph's first-frame mark.
 */
import { useEffect, useRef } from 'react';
import type cytoscape from 'cytoscape';
import { FIRST_FRAME_MARK } from './canvas-props.ts';
import { progressiveState } from './progressive-draw.ts';

/** A function that resolves once the view is shown (at once when it is); `isActive` reads the latest prop. */
export function useWhenActive(active: boolean, isActive: () => boolean): () => Promise<void> {
  const waiters = useRef<(() => void)[]>([]);
  useEffect(() => {
    if (!active) return;
    const ws = waiters.current;
    waiters.current = [];
    for (const w of ws) w();
  }, [active]);
  return () => (isActive() ? Promise.resolve() : new Promise((r) => waiters.current.push(r)));
}

/**
 * Resolves after Cytoscape's next complete draw: its 'render' event once the picture on screen is complete (a large
 * picture is drawn in slices over several frames, progressive-draw.ts); the WebGL path emits none: two animation
 * frames.
 */
export function nextDraw(cy: cytoscape.Core, webgl: boolean): Promise<void> {
  return new Promise((resolve) => {
    if (webgl) requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    else {
      const onRender = () => {
        if (progressiveState(cy)?.partial) return;
        cy.off('render', onRender);
        resolve();
      };
      cy.on('render', onRender);
      cy.forceRender();
    }
  });
}

/** Marks {@link FIRST_FRAME_MARK} unless it is already marked. */
export function markFirstFrame(): void {
  if (!performance.getEntriesByName(FIRST_FRAME_MARK).length) performance.mark(FIRST_FRAME_MARK);
}

/**
 * The global graph's first frame on screen (laid-out nodes in a shown tab): marks {@link FIRST_FRAME_MARK} once,
 * the mark the benchmark reads. `webgl`: the WebGL path emits no 'render' event, so the frame after the next one
 * counts as drawn.
 */
export function useFirstFrameMark(
  getCy: () => cytoscape.Core | null,
  on: boolean,
  ready: boolean,
  active: boolean,
  webgl: () => boolean,
): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: marks once, when the view is both ready and shown
  useEffect(() => {
    const cy = getCy();
    if (!cy || !ready || !active || !on) return;
    if (performance.getEntriesByName(FIRST_FRAME_MARK).length) return;
    void nextDraw(cy, webgl()).then(markFirstFrame);
  }, [ready, active]);
}
