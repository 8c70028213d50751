/**
 * Worker-thread entry of the Atlas service (see service-thread.ts): owns the index (SQLite writes, the watcher, the
 * parse workers) so that the thread serving IPC or HTTP never runs indexing work.
 *
 * Protocol (structured-clone messages over the worker port):
 *   in:  { type: 'call', id, method, args } | { type: 'close' }
 *   out: { type: 'started' } | { type: 'failed', error } | { type: 'ready', error? } | { type: 'event', event, payload }
 *        | { type: 'result', id, ok: true, result } | { type: 'result', id, ok: false, error } | { type: 'closed' }
 * Errors cross as `ApiError` (`{ code, message }`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AtlasApi } from '../shared/api.ts';
import { API_EVENTS, API_METHODS } from '../shared/api-methods.ts';
import { callByName } from '../shared/call-by-name.ts';
import { createAtlasService, type AtlasServiceOptions } from './atlas-service.ts';
import { toApiError } from './errors.ts';

const port = parentPort;
if (!port) throw new Error('service-worker.ts runs only as a worker thread');

type Call = { type: 'call'; id: number; method: keyof AtlasApi; args: unknown[] };
type Incoming = Call | { type: 'close' };

try {
  const service = await createAtlasService(workerData as AtlasServiceOptions);
  for (const event of API_EVENTS)
    service.events.on(event, (payload) => port.postMessage({ type: 'event', event, payload }));
  service.ready.then(
    () => port.postMessage({ type: 'ready' }),
    (e: unknown) => port.postMessage({ type: 'ready', error: toApiError(e) }),
  );
  const methods = new Set<string>(API_METHODS);
  port.on('message', (m: Incoming) => {
    if (m.type === 'close') {
      void service.close().finally(() => port.postMessage({ type: 'closed' }));
      return;
    }
    callByName(service.api, methods, m.method, m.args).then(
      (result) => port.postMessage({ type: 'result', id: m.id, ok: true, result }),
      (e: unknown) => port.postMessage({ type: 'result', id: m.id, ok: false, error: toApiError(e) }),
    );
  });
  port.postMessage({ type: 'started' });
} catch (e) {
  port.postMessage({ type: 'failed', error: toApiError(e) });
}
