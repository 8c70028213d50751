/**
 * Where markdown is rendered: short texts (≤ {@link SYNC_MAX_CHARS}: property values, small embeds) on the UI
 * thread, everything else in a Web Worker (render-worker.ts), so that parsing never holds the UI thread (the house
 * rule: no task over 200 ms). The worker has a time budget per text ({@link WORKER_BUDGET_MS}): past it the worker is
 * terminated (the parse cannot be interrupted otherwise) and the text is shown plain. Results are cached by text
 * (a few entries), so switching views or tabs does not render again. Where no module worker can be started, texts
 * are rendered on the UI thread (render.ts still caps their size).
 */
import { renderMarkdown, type RenderedNote } from './render.ts';

/** Longest text rendered on the UI thread, characters. */
export const SYNC_MAX_CHARS = 2_000;
/** Longest time one text may take in the worker, ms; then it is shown as plain text. */
export const WORKER_BUDGET_MS = 15_000;

/** A rendering, or the reason there is none. */
export type RenderOutcome = RenderedNote | { timedOut: true };

interface Pending {
  text: string;
  lineOffset: number;
  /** A single line break is a line break (Obsidian's default; the "Strict line breaks" setting off). */
  breaks: boolean;
  resolve(r: RenderOutcome): void;
  reject(e: unknown): void;
}

let worker: Worker | null = null;
let workerFailed = false;
let nextId = 0;
let busy: { id: number; timer: ReturnType<typeof setTimeout> } | null = null;
const queue: Array<Pending & { id: number }> = [];
const waiting = new Map<number, Pending>();

const cache = new Map<string, RenderedNote>();
const CACHE_ENTRIES = 24;

function cacheKey(text: string, lineOffset: number, breaks: boolean): string {
  return `${lineOffset}${breaks ? 'b' : 's'}\u0000${text}`;
}

/** A cached rendering, or a synchronous one for a short text; null when it must go to the worker. */
export function renderNow(text: string, lineOffset: number, breaks = true): RenderedNote | null {
  const key = cacheKey(text, lineOffset, breaks);
  const hit = cache.get(key);
  if (hit) return hit;
  if (text.length > SYNC_MAX_CHARS && !workerFailed) return null;
  const r = renderMarkdown(text, { lineOffset, breaks });
  remember(key, r);
  return r;
}

function remember(key: string, r: RenderedNote): void {
  cache.delete(key);
  cache.set(key, r);
  while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
}

function startWorker(): Worker | null {
  if (worker || workerFailed) return worker;
  try {
    worker = new Worker(new URL('./render-worker.ts', import.meta.url), { type: 'module', name: 'atlas-markdown' });
  } catch {
    workerFailed = true;
    return null;
  }
  worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; result?: RenderedNote; error?: string }>) => {
    const p = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (busy?.id === e.data.id) {
      clearTimeout(busy.timer);
      busy = null;
    }
    if (p) {
      if (e.data.ok && e.data.result) {
        remember(cacheKey(p.text, p.lineOffset, p.breaks), e.data.result);
        p.resolve(e.data.result);
      } else p.reject(new Error(e.data.error ?? 'rendering failed'));
    }
    pump();
  };
  worker.onerror = (e) => {
    // A worker that cannot load (e.g. no module workers here): render on the UI thread from now on, and say so (a
    // worker that failed at load once made every note render on the UI thread unnoticed).
    console.error(`The markdown worker failed (${e.message || 'no message'}): rendering on the UI thread`);
    worker?.terminate();
    worker = null;
    workerFailed = true;
    busy = null;
    for (const [id, p] of waiting) {
      waiting.delete(id);
      p.resolve(renderMarkdown(p.text, { lineOffset: p.lineOffset, breaks: p.breaks }));
    }
    for (const j of queue.splice(0)) j.resolve(renderMarkdown(j.text, { lineOffset: j.lineOffset, breaks: j.breaks }));
  };
  return worker;
}

function pump(): void {
  if (busy || queue.length === 0) return;
  const w = startWorker();
  const job = queue.shift()!;
  if (!w) {
    job.resolve(renderMarkdown(job.text, { lineOffset: job.lineOffset, breaks: job.breaks }));
    pump();
    return;
  }
  waiting.set(job.id, job);
  const timer = setTimeout(() => {
    // Over budget: stop the worker (the next job starts a fresh one) and show this text plain.
    waiting.delete(job.id);
    busy = null;
    worker?.terminate();
    worker = null;
    job.resolve({ timedOut: true });
    pump();
  }, WORKER_BUDGET_MS);
  busy = { id: job.id, timer };
  w.postMessage({ id: job.id, text: job.text, lineOffset: job.lineOffset, breaks: job.breaks });
}

/** Renders `text` in the worker (one at a time, in order of request). */
export function renderInWorker(text: string, lineOffset: number, breaks = true): Promise<RenderOutcome> {
  return new Promise((resolve, reject) => {
    queue.push({ id: ++nextId, text, lineOffset, breaks, resolve, reject });
    pump();
  });
}
