/**
 * The benchmark's user pan (bench-graph.ts, profile-graph.ts): the mouse dragging the global graph's background.
 */
import type { Page } from 'playwright-core';

/**
 * Frame times (requestAnimationFrame deltas, ms) while the mouse drags the graph's background by 360×240 px in 60
 * moves: the user's pan (Cytoscape draws a texture of the graph while the viewport is dragged, which a programmatic
 * panBy does not use).
 */
export async function dragFrames(page: Page): Promise<number[]> {
  // A spot of background: a grid point of the canvas with no node within 30 px.
  const at = await page.evaluate(() => {
    const cy = window.__atlasGraph!;
    const box = cy.container()!.getBoundingClientRect();
    const pts = cy.nodes(':visible').map((n) => n.renderedPosition());
    for (let y = 80; y < cy.height() - 80; y += 40)
      for (let x = 80; x < cy.width() - 80; x += 40)
        if (!pts.some((p) => Math.hypot(p.x - x, p.y - y) < 30)) return { x: box.left + x, y: box.top + y };
    return null;
  });
  if (!at) return [NaN];
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framing: boolean };
    w.__frames = [];
    w.__framing = true;
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      w.__frames.push(now - last);
      last = now;
      if (w.__framing) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(at.x - i * 6, at.y - i * 4);
  await page.mouse.up();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framing: boolean };
    w.__framing = false;
    return w.__frames.slice(1);
  });
}
