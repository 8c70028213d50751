/**
 * Preload (sandboxed, context-isolated): exposes exactly the `AtlasBridge` contract as `window.atlasBridge`.
 * Never exposes `ipcRenderer` itself; every method and event name comes from electron/shared/api-methods.ts.
 *
 * IPC contract with electron/main/ipc.ts:
 * - `api.<method>(...args)` → `ipcRenderer.invoke('atlas:<method>', ...args)`. Main validates and calls the method
 *   through the shared `dispatch` (electron/services/dispatch.ts) and resolves with the result, or, on failure, with
 *   the object `{ __atlasError: ApiError }` (errors cross IPC as *results*, not thrown Errors, because Electron keeps
 *   only the message of a thrown Error). This preload unwraps it: the method's promise rejects with the plain
 *   `ApiError` object `{ code, message }` (plain objects survive the context bridge; Error subclasses would not).
 * - Events: main sends `ipcRenderer` messages on channel `atlas:event` with `(eventName, payload)`;
 *   `on(event, listener)` subscribes to one `AtlasEvents` name and returns the unsubscribe function. Unknown event
 *   names throw.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiError, AtlasApi, AtlasBridge, AtlasEventName, AtlasEvents } from '../shared/api.ts';
import { API_EVENTS, API_METHODS } from '../shared/api-methods.ts';
import { proxyByName } from '../shared/call-by-name.ts';

const EVENT_CHANNEL = 'atlas:event';

function isWrappedError(v: unknown): v is { __atlasError: ApiError } {
  return typeof v === 'object' && v !== null && '__atlasError' in v;
}

const api = proxyByName<AtlasApi>(API_METHODS, async (method, args) => {
  const r: unknown = await ipcRenderer.invoke(`atlas:${method}`, ...args);
  if (isWrappedError(r)) throw { code: r.__atlasError.code, message: r.__atlasError.message } satisfies ApiError;
  return r;
});

const events: ReadonlySet<string> = new Set(API_EVENTS);

const bridge: AtlasBridge = {
  api,
  on<E extends AtlasEventName>(event: E, listener: (payload: AtlasEvents[E]) => void): () => void {
    if (!events.has(event)) throw new Error(`Unknown event: ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as AtlasEvents[E]);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('atlasBridge', bridge);
