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
  // A spot of background: a grid point of the canvas with no node within 30 px. The nodes are put in 40 px cells
  // first, so the search is one pass over the nodes, not the grid times the nodes (at 5,000 notes that product was a
  // long task of the page's own, counted in the benchmark's longest task).
  const at = await page.evaluate(() => {
    const cy = window.__atlasGraph!;
    const box = cy.container()!.getBoundingClientRect();
    const cells = new Map<string, { x: number; y: number }[]>();
    cy.nodes(':visible').forEach((n) => {
      const p = n.renderedPosition();
      const key = `${Math.floor(p.x / 40)} ${Math.floor(p.y / 40)}`;
      const list = cells.get(key);
      if (list) list.push(p);
      else cells.set(key, [p]);
    });
    const near = (x: number, y: number) => {
      const cx = Math.floor(x / 40);
      const cy0 = Math.floor(y / 40);
      for (let i = -1; i <= 1; i++)
        for (let j = -1; j <= 1; j++)
          if (cells.get(`${cx + i} ${cy0 + j}`)?.some((p) => Math.hypot(p.x - x, p.y - y) < 30)) return true;
      return false;
    };
    for (let y = 80; y < cy.height() - 80; y += 40)
      for (let x = 80; x < cy.width() - 80; x += 40) if (!near(x, y)) return { x: box.left + x, y: box.top + y };
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
