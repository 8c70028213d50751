/**
 * Electron's custom protocols, registered here and answered by plain request handlers (tested in Node without
 * Electron: electron/services/protocol-handlers.ts):
 *
 * - `app://atlas/…`: the renderer itself (the window loads `app://atlas/index.html`, not a `file://` page, so the
 *   Content-Security-Policy header applies and nothing in the page's policy allows `ws:`).
 * - `atlas-vault://vault/<path>`: the open vault's attachments for the reading view (the counterpart of the browser
 *   host's `/vault-file/` route); paths outside the vault (symlinks included) answer 403.
 *
 * Both are standard and secure schemes; only the app's own page loads them (the renderer's CSP lists
 * `atlas-vault:` in img-src/media-src only).
 */
import { protocol } from 'electron';
import { APP_SCHEME, appAssetHandler, VAULT_SCHEME, vaultFileHandler } from '../services/protocol-handlers.ts';

export { APP_URL } from '../services/protocol-handlers.ts';

/** Must run once, before `app.whenReady()` (Electron's rule for privileged schemes). */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    // codeCache: V8's code cache for the app's scripts, as for http(s); supportFetchAPI for module workers
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: VAULT_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Installs both handlers: the renderer from `rendererDir`; attachments from the folder `vaultRoot` gives. */
export function handleSchemes(rendererDir: string, vaultRoot: () => Promise<string>): void {
  protocol.handle(APP_SCHEME, appAssetHandler(rendererDir));
  protocol.handle(VAULT_SCHEME, vaultFileHandler(vaultRoot));
}
