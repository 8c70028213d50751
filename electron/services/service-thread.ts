/**
 * Runs the Atlas service in a worker thread (service-worker.ts) and gives the calling thread a handle with the same
 * `api`, `events`, `ready` and `close` as `createAtlasService`. The Electron main process and the browser host use it,
 * so indexing (parsing in its own workers, SQLite writes, the watcher) never blocks IPC, HTTP or the window.
 * Arguments are validated by the caller's `dispatch` before they cross; results and errors cross by structured clone.
 */
import type { HeapInfo } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { ApiError, AtlasApi, AtlasEventName, AtlasEvents } from '../shared/api.ts';
import { API_METHODS } from '../shared/api-methods.ts';
import { proxyByName } from '../shared/call-by-name.ts';
import type { AtlasService, AtlasServiceOptions } from './atlas-service.ts';
import { AtlasError } from './errors.ts';
import { AtlasEventHub } from './events.ts';

/** Young-generation size of the service thread's V8 heap, MB (see `startAtlasServiceThread`). */
const SERVICE_YOUNG_GENERATION_MB = 16;

/** What the IPC binding and the browser host need of a service. */
export type AtlasServiceHandle = Pick<AtlasService, 'api' | 'events' | 'ready' | 'close'>;

/** A service thread's handle: the service, plus the V8 heap figures of its thread (for `npm run bench:memory`). */
export interface AtlasServiceThread extends AtlasServiceHandle {
  /** V8 heap statistics of the service thread (bytes; Node's `Worker.getHeapStatistics`). Rejects once it stopped. */
  heapStatistics(): Promise<HeapInfo>;
}

export interface ServiceThreadOptions extends AtlasServiceOptions {
  /** Worker script; default `./service-worker.ts` beside this file (bundled builds pass their own). */
  workerUrl?: URL | string;
}

type Outgoing =
  | { type: 'started' }
  | { type: 'failed'; error: ApiError }
  | { type: 'ready'; error?: ApiError }
  | { type: 'event'; event: AtlasEventName; payload: unknown }
  | { type: 'result'; id: number; ok: true; result: unknown }
  | { type: 'result'; id: number; ok: false; error: ApiError }
  | { type: 'closed' };

/**
 * Starts the service thread. Rejects with `AtlasError` (e.g. `not-found` for a missing vault) when the service cannot
 * open; `ready` settles when the first sync has finished.
 */
export async function startAtlasServiceThread(opts: ServiceThreadOptions): Promise<AtlasServiceThread> {
  const { workerUrl, ...serviceOpts } = opts;
  const worker = new Worker(workerUrl ?? new URL('./service-worker.ts', import.meta.url), {
    workerData: serviceOpts,
    // issue 13: V8's default young generation (~48 MB) stays committed after a cold index; 16 MB keeps the idle
    // service thread small at no measurable CPU cost (docs/indexing-performance.md)
    resourceLimits: { maxYoungGenerationSizeMb: SERVICE_YOUNG_GENERATION_MB },
  });
  const hub = new AtlasEventHub();
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let nextId = 0;
  let exited: Error | null = null;
  let resolveReady!: () => void;
  let rejectReady!: (e: unknown) => void;
  const ready = new Promise<void>((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });
  ready.catch(() => {});
  let resolveClosed!: () => void;
  const closed = new Promise<void>((res) => {
    resolveClosed = res;
  });

  const started = new Promise<void>((resolve, reject) => {
    worker.on('message', (m: Outgoing) => {
      switch (m.type) {
        case 'started':
          resolve();
          break;
        case 'failed':
          reject(new AtlasError(m.error.code, m.error.message));
          break;
        case 'ready':
          if (m.error) rejectReady(new AtlasError(m.error.code, m.error.message));
          else resolveReady();
          break;
        case 'event':
          hub.emit(m.event, m.payload as AtlasEvents[typeof m.event]);
          break;
        case 'result': {
          const p = pending.get(m.id);
          pending.delete(m.id);
          if (m.ok) p?.resolve(m.result);
          else p?.reject(new AtlasError(m.error.code, m.error.message));
          break;
        }
        case 'closed':
          resolveClosed();
          break;
      }
    });
    worker.on('error', (e) => {
      exited = e;
      reject(e);
    });
    worker.on('exit', (code) => {
      exited ??= new Error(`the service thread stopped (exit code ${code})`);
      reject(exited);
      rejectReady(exited);
      resolveClosed();
      for (const p of pending.values()) p.reject(new AtlasError('internal', exited.message));
      pending.clear();
    });
  });
  try {
    await started;
  } catch (e) {
    await worker.terminate();
    throw e;
  }

  const api = proxyByName<AtlasApi>(API_METHODS, (method, args): Promise<unknown> => {
    if (exited) return Promise.reject(new AtlasError('internal', exited.message));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ type: 'call', id, method, args });
    });
  });

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (!exited) {
        worker.postMessage({ type: 'close' });
        await Promise.race([closed, new Promise((r) => setTimeout(r, 10_000))]);
      }
      hub.clear();
      await worker.terminate();
    })();
    return closing;
  };
  return { api, events: hub, ready, close, heapStatistics: () => worker.getHeapStatistics() };
}
