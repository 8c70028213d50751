/**
 * Keeping the UI thread free while a graph view does a lot of work (the first load of a large vault): the work runs
 * in slices and yields to the event loop (input, rendering) once a task has used its time budget, so no task grows
 * with the vault. The budget is in wall-clock ms, so a loaded machine gets smaller slices rather than longer tasks.
 */
import type cytoscape from 'cytoscape';

/** Time one task may use before it yields, ms (the rule is no task over 200 ms; this leaves room for a frame). */
export const TASK_BUDGET_MS = 40;

/** Lets the event loop run (input, rendering) before continuing; a MessageChannel turn, not a throttled timer. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      // a port left open keeps a Node process (the unit tests) alive
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/** A task's time budget: `spent()` once {@link TASK_BUDGET_MS} (or `ms`) passed since the last `restart()`. */
export class TaskBudget {
  private start = performance.now();
  private readonly ms: number;
  constructor(ms = TASK_BUDGET_MS) {
    this.ms = ms;
  }
  spent(): boolean {
    return performance.now() - this.start >= this.ms;
  }
  restart(): void {
    this.start = performance.now();
  }
  /** Yields when the budget is spent (then starts a new one); otherwise returns at once. */
  async yieldIfSpent(): Promise<void> {
    if (!this.spent()) return;
    await yieldToEventLoop();
    this.restart();
  }
}

/**
 * Runs `work` on `items` in slices of `slice`, yielding whenever the task budget is spent. Returns false when
 * `stop()` became true at a yield (the rest is not done).
 */
export async function inSlices<T>(
  items: readonly T[],
  slice: number,
  work: (part: T[]) => void,
  stop: () => boolean,
  budget = new TaskBudget(),
): Promise<boolean> {
  for (let i = 0; i < items.length; i += slice) {
    work(items.slice(i, i + slice));
    if (budget.spent()) {
      await yieldToEventLoop();
      budget.restart();
      if (stop()) return false;
    }
  }
  return true;
}

/**
 * Stops (or resumes) the renderer's redraws on element changes: `cy.notifications(bool)` of Cytoscape's core
 * (src/core/notification.mjs, not in its typings), so additions made in slices are drawn once, after the last one.
 */
export function pauseRendering(cy: cytoscape.Core, pause: boolean): void {
  const core = cy as unknown as { notifications(on: boolean): void; notify(event: string): void };
  core.notifications(!pause);
  // The renderer missed the 'add' notifications meanwhile, so its z-sorted element cache is stale (empty on a first
  // load: a blank canvas until some later add); 'zorder' rebuilds it (Cytoscape's BaseRenderer.notify).
  if (!pause) core.notify('zorder');
}
