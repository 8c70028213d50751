/**
 * Electron's counterpart of the browser host's `/vault-file/` route: the privileged scheme `atlas-vault:` serves
 * attachments of the open vault to the reading view, as `atlas-vault://vault/<percent-encoded vault path>`.
 * Confinement, types and headers come from electron/services/vault-file.ts (the same code the host uses): paths
 * outside the vault (symlinks included) answer 403, hidden or missing files 404. Only the app's own page can load it
 * (the scheme is not exposed to other sites; the renderer's CSP lists it in img-src/media-src only).
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { toApiError } from '../services/errors.ts';
import { openVaultFile, vaultFileHeaders } from '../services/vault-file.ts';

export const VAULT_SCHEME = 'atlas-vault';

/** Must run before `app.whenReady()` (Electron's rule for privileged schemes). */
export function registerVaultScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: VAULT_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Installs the handler; `vaultRoot` gives the open vault's folder (absolute), or rejects when none is open. */
export function handleVaultScheme(vaultRoot: () => Promise<string>): void {
  protocol.handle(VAULT_SCHEME, async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.host !== 'vault' || (request.method !== 'GET' && request.method !== 'HEAD'))
      return new Response('Bad request', { status: 400 });
    let rel: string;
    try {
      rel = url.pathname.replace(/^\/+/, '').split('/').map(decodeURIComponent).join('/');
    } catch {
      return new Response('Bad path', { status: 400 });
    }
    try {
      const file = await openVaultFile(await vaultRoot(), rel);
      const stream = fs.createReadStream('', { fd: file.fd, autoClose: true });
      const body = request.method === 'HEAD' ? null : (Readable.toWeb(stream) as unknown as ReadableStream);
      if (!body) stream.destroy();
      return new Response(body, {
        status: 200,
        headers: { ...vaultFileHeaders(file.contentType), 'Content-Length': String(file.size) },
      });
    } catch (e) {
      const code = toApiError(e).code;
      return new Response(code === 'outside-vault' ? 'Outside the vault' : 'Not found', {
        status: code === 'outside-vault' ? 403 : 404,
      });
    }
  });
}
