/**
 * Cytoscape reads a few `window` globals even headless (e.g. for timers); in the layout worker `self` stands in.
 * Imported first by layout.worker.ts, before cytoscape is evaluated.
 */
const g = globalThis as unknown as { window?: unknown };
g.window ??= globalThis;
export {};
