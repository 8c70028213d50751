/**
 * Binds every `AtlasApi` method to `ipcMain.handle('atlas:<method>')` through the shared `dispatch`
 * (validation with the zod schema table, path confinement in the service, errors mapped to `ApiError`).
 * A failure resolves as `{ __atlasError: ApiError }` (see the contract in electron/preload/index.ts).
 * Only messages from the app's own window are answered. Events go to the window on channel `atlas:event`.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { AtlasEventName } from '../shared/api.ts';
import { API_EVENTS, API_METHODS } from '../shared/api-methods.ts';
import type { AtlasServiceHandle as AtlasService } from '../services/service-thread.ts';
import { dispatch } from '../services/dispatch.ts';

export const EVENT_CHANNEL = 'atlas:event';

/**
 * Registers the handlers once; `current()` gives (or promises, while a vault is opening) the service of the open
 * vault, which changes on File › Open vault…; `window()` is the main window. Returns a function that removes the handlers.
 */
export function bindIpc(
  current: () => Promise<AtlasService | null> | AtlasService | null,
  window: () => BrowserWindow | null,
): () => void {
  const trusted = (e: IpcMainInvokeEvent): boolean => {
    const win = window();
    return win !== null && !win.isDestroyed() && e.sender === win.webContents;
  };
  for (const method of API_METHODS) {
    ipcMain.handle(`atlas:${method}`, async (e, ...args: unknown[]) => {
      if (!trusted(e)) return { __atlasError: { code: 'unauthorized', message: 'Not the app window' } };
      const service = await Promise.resolve(current()).catch(() => null);
      if (!service) return { __atlasError: { code: 'internal', message: 'No vault is open' } };
      const r = await dispatch(service.api, method, args);
      return r.ok ? r.result : { __atlasError: r.error };
    });
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(`atlas:${method}`);
  };
}

/** Forwards the service's events to the window; returns the unsubscribe function. */
export function forwardEvents(service: AtlasService, window: () => BrowserWindow | null): () => void {
  const offs = API_EVENTS.map((event: AtlasEventName) =>
    service.events.on(event, (payload) => {
      const win = window();
      if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event, payload);
    }),
  );
  return () => {
    for (const off of offs) off();
  };
}
