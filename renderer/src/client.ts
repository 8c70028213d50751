/**
 * The only module of the renderer that reaches the backend.
 *
 * In Electron it forwards to `window.atlasBridge` (exposed by electron/preload). In a browser it speaks the browser
 * host protocol of electron/host:
 * - token from `?token=` in the page URL, kept in sessionStorage and removed from the address bar;
 * - `POST /api/<method>` with `Authorization: Bearer <token>` and body `{ "args": [...] }`, answered by
 *   `{ "ok": true, "result" }` or `{ "ok": false, "error": { "code", "message" } }`;
 * - events over a WebSocket at `/events?token=<token>`, messages `{ "event", "payload" }`, reconnected on close;
 * - the vault this window was loaded with (#12): the root named by the host's first answer (`X-Atlas-Vault`), sent
 *   back on every call, so the host refuses a write meant for it once another vault is open (`vault-changed`). An
 *   answer naming another vault (a switch this window missed while its event socket was down; checked again with
 *   `vaultInfo` on every reconnect) stops the window: from then on every call rejects with `vault-changed`, no event
 *   is delivered, and `vaultSwitchedAway()` says which vault took its place (renderer/src/vaults/VaultChanged.tsx).
 * Every method rejects with an {@link AtlasError} carrying the contract's `code` (e.g. `outside-vault`, `conflict`).
 */
import type { ApiError, AtlasApi, AtlasBridge, AtlasEventName, AtlasEvents } from '../../electron/shared/api.ts';
import { API_METHODS, VAULT_ROOT_HEADER } from '../../electron/shared/api-methods.ts';
import { proxyByName } from '../../electron/shared/call-by-name.ts';

/** An API failure; `code` is one of `ApiError['code']` (or `network` when the host could not be reached). */
export class AtlasError extends Error {
  code: ApiError['code'] | 'network';
  constructor(code: ApiError['code'] | 'network', message: string) {
    super(message);
    this.name = 'AtlasError';
    this.code = code;
  }
}

/** The error code of any thrown value, or null. */
export function errorCode(e: unknown): string | null {
  return e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string'
    ? (e as { code: string }).code
    : null;
}

declare global {
  interface Window {
    atlasBridge?: AtlasBridge;
  }
}

type Listener = (payload: never) => void;

const TOKEN_KEY = 'concept-atlas-token';

function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // The token is a credential: keep it out of the address bar, history and screenshots.
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The browser host's token, for URLs that cannot carry a header (vault attachments). */
let hostToken = '';

/** A vault switch this window missed: the vault it was loaded with, and the one the host serves now (#12). */
export interface VaultSwitchedAway {
  loaded: string;
  now: string;
}
let switchedAway: VaultSwitchedAway | null = null;
const switchedListeners = new Set<() => void>();

/** The switch this window missed, or null (always null in Electron, whose windows never change vault). */
export function vaultSwitchedAway(): VaultSwitchedAway | null {
  return switchedAway;
}

/** Subscribes to `vaultSwitchedAway()` changing (once at most); returns the unsubscribe function. */
export function subscribeVaultSwitchedAway(listener: () => void): () => void {
  switchedListeners.add(listener);
  return () => {
    switchedListeners.delete(listener);
  };
}

function decodeRoot(raw: string | null): string | null {
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function browserClient(): AtlasBridge {
  const token = takeToken();
  hostToken = token;
  const listeners = new Map<AtlasEventName, Set<Listener>>();
  /** The vault this window was loaded with: named by the host's first answer. */
  let loaded: string | null = null;

  const refused = (away: VaultSwitchedAway) =>
    new AtlasError(
      'vault-changed',
      `This window was opened on the vault ${away.loaded}; the host now serves ${away.now}. Nothing is sent to it.`,
    );
  function served(res: Response): void {
    const now = decodeRoot(res.headers.get(VAULT_ROOT_HEADER));
    if (now === null || switchedAway) return;
    if (loaded === null) loaded = now;
    else if (now !== loaded) {
      switchedAway = { loaded, now };
      for (const l of [...switchedListeners]) l();
    }
  }

  async function call(method: string, args: unknown[]): Promise<unknown> {
    if (switchedAway) throw refused(switchedAway);
    let res: Response;
    try {
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
      };
      if (loaded !== null) headers[VAULT_ROOT_HEADER] = encodeURIComponent(loaded);
      res = await fetch(`./api/${method}`, { method: 'POST', headers, body: JSON.stringify({ args }) });
    } catch (e) {
      throw new AtlasError('network', `Cannot reach the Concept Atlas host: ${(e as Error).message}`);
    }
    served(res);
    // an answer from the vault that took this window's place is not this window's
    if (switchedAway) throw refused(switchedAway);
    let body: { ok: boolean; result?: unknown; error?: Partial<ApiError> };
    try {
      body = await res.json();
    } catch {
      throw new AtlasError(res.status === 401 ? 'unauthorized' : 'internal', `${method}: HTTP ${res.status}`);
    }
    if (!body.ok) {
      const err = body.error ?? {};
      throw new AtlasError((err.code as ApiError['code']) ?? 'internal', err.message ?? `${method} failed`);
    }
    return body.result;
  }

  const api = proxyByName<AtlasApi>(API_METHODS, call);

  let retryMs = 250;
  let wasConnected = false;
  function connect(): void {
    const proto = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${proto}://${location.host}/events?token=${encodeURIComponent(token)}`);
    ws.onopen = () => {
      retryMs = 250;
      // Changes made while disconnected were missed: a reconnect reports them as one empty vault-changed, which makes
      // the UI refresh everything — unless another vault was opened meanwhile (#12): asked first, so that nothing of
      // the new vault is fetched into this window
      if (wasConnected)
        void call('vaultInfo', [])
          .catch(() => undefined)
          .then(() => {
            if (switchedAway) return;
            for (const l of listeners.get('vault-changed') ?? [])
              (l as (p: unknown) => void)({ changed: [], deleted: [] });
          });
      wasConnected = true;
    };
    ws.onmessage = (msg) => {
      if (switchedAway) return;
      let data: { event?: AtlasEventName; payload?: unknown };
      try {
        data = JSON.parse(String(msg.data));
      } catch {
        return;
      }
      if (!data.event) return;
      for (const l of listeners.get(data.event) ?? []) (l as (p: unknown) => void)(data.payload);
    };
    ws.onclose = () => {
      // Back off up to 5 s so a stopped host is not hammered.
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  }
  connect();

  return {
    api,
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
      };
    },
  };
}

const bridge: AtlasBridge = window.atlasBridge ?? browserClient();

/** The typed backend API (see electron/shared/api.ts). */
export const api: AtlasApi = bridge.api;

/** Subscribes to a backend event; returns the unsubscribe function. */
export function on<E extends AtlasEventName>(event: E, listener: (payload: AtlasEvents[E]) => void): () => void {
  return bridge.on(event, listener);
}

/**
 * URL of a vault file (an attachment) for `<img>`, `<audio>`, `<video>` and links: in Electron the `atlas-vault:`
 * scheme (electron/main/protocols.ts), in the browser the host's token-checked `/vault-file/` route
 * (electron/host/vault-file-route.ts). `path` is vault-relative with `/`; each segment is percent-encoded.
 */
export function vaultFileUrl(path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return window.atlasBridge
    ? `atlas-vault://vault/${encoded}`
    : `./vault-file/${encoded}?token=${encodeURIComponent(hostToken)}`;
}
