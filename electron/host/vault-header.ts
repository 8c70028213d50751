/**
 * The vault a window was loaded with (#12), so that a window that missed a vault switch (its event socket was down
 * while another window opened another vault) never writes its notes into the new vault:
 * - every API answer carries `X-Atlas-Vault` (VAULT_ROOT_HEADER), the vault served when the call was dispatched;
 * - the client sends back, on every call, the vault of the first answer it got (renderer/src/client.ts);
 * - a write (VAULT_WRITE_METHODS, and the alias-resolution switch) naming another vault than the one served now is
 *   refused with 409 `vault-changed` before it reaches the service. A call without the header (the CLI, scripts,
 *   tests) is not checked.
 */
import type http from 'node:http';
import type { ApiError } from '../shared/api.ts';
import { VAULT_ROOT_HEADER, VAULT_WRITE_METHODS } from '../shared/api-methods.ts';

/** The calls refused from a window of another vault: every vault write, and the index option it may change. */
const GUARDED: ReadonlySet<string> = new Set([...VAULT_WRITE_METHODS, 'setAliasResolution']);

/** The header's value for `root`. */
export function vaultHeaderValue(root: string): string {
  return encodeURIComponent(root);
}

/**
 * The refusal of `method` when the request names another vault than `current` (absolute root), else null.
 * A header that does not decode counts as another vault.
 */
export function vaultChanged(req: http.IncomingMessage, method: string, current: string): ApiError | null {
  if (!GUARDED.has(method)) return null;
  const raw = req.headers[VAULT_ROOT_HEADER.toLowerCase()];
  if (typeof raw !== 'string' || raw === '') return null;
  let loaded: string;
  try {
    loaded = decodeURIComponent(raw);
  } catch {
    loaded = raw;
  }
  if (loaded === current) return null;
  return {
    code: 'vault-changed',
    message: `Not saved: this window was opened on the vault ${loaded}, and the host now serves ${current}. Reload the window to work in ${current}; nothing was written into it.`,
  };
}
