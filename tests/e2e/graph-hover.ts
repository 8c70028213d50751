/**
 * The benchmark's hover (bench-graph.ts): the mouse moving over notes of the global graph, as a user explores it.
 */
import type { Page } from 'playwright-core';

/**
 * The longest main-thread task (Long Tasks API, ms), the 5 longest, and the tasks over 50 ms while the mouse moves onto `count`
 * notes in view of the global graph, one after another in 5 moves each, 700 ms apart (each hover highlights a note
 * and its neighbours, and each move is a pointer hit test), then off the graph.
 */
export async function hoverTasks(page: Page, count = 8): Promise<{ longest: number; over50: number; top: number[] }> {
  const at = await page.evaluate((k) => {
    const cy = window.__atlasGraph!;
    const box = cy.container()!.getBoundingClientRect();
    const ext = cy.extent();
    const shown = cy.nodes(':visible').filter((n) => {
      const p = n.position();
      return p.x > ext.x1 && p.x < ext.x2 && p.y > ext.y1 && p.y < ext.y2;
    });
    const points: { x: number; y: number }[] = [];
    for (let i = 0; i < k && i < shown.length; i++) {
      const p = shown[Math.floor((i * shown.length) / k)].renderedPosition();
      points.push({ x: box.left + p.x, y: box.top + p.y });
    }
    const w = window as unknown as { __hoverTasks: number[] };
    w.__hoverTasks = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__hoverTasks.push(e.duration);
    }).observe({ type: 'longtask' });
    return { points, off: { x: box.left + 4, y: box.top + 4 } };
  }, count);
  for (const p of at.points) {
    await page.mouse.move(p.x, p.y, { steps: 5 });
    await new Promise((r) => setTimeout(r, 700));
  }
  await page.mouse.move(at.off.x, at.off.y, { steps: 3 });
  await new Promise((r) => setTimeout(r, 700));
  const tasks = await page.evaluate(() => (window as unknown as { __hoverTasks: number[] }).__hoverTasks);
  const top = [...tasks]
    .sort((a, b) => b - a)
    .slice(0, 5)
    .map(Math.round);
  return { longest: Math.max(0, ...tasks), over50: tasks.length, top };
}
