/**
 * The app's Content-Security-Policy, defined once for every place that states it: the browser host's response
 * header (electron/host/static-files.ts), the Electron session's header (electron/main/security.ts) and the page's
 * own `<meta>` tag (renderer/index.html, filled in by the Vite build).
 *
 * One base policy (scripts and styles from the app only, no plugins, no `<base>`, no form posts, no framing); each
 * host adds only what it serves: the browser host its WebSocket on 127.0.0.1, Electron its `atlas-vault:` scheme for
 * vault attachments. The built `<meta>` policy allows both (the same build runs in both hosts; the header narrows it)
 * and leaves out `frame-ancestors`, which a `<meta>` policy cannot carry; the Electron shell serves the page over
 * `app://` with the Electron header and swaps that `<meta>` for `electron-page-meta`, so nothing there allows `ws:`.
 */

/**
 * Where the policy is stated. `dev-server` is the page's `<meta>` under `npm run dev` only: Vite's hot reload needs
 * its inline module preamble (`script-src 'unsafe-inline'`); builds never carry it.
 */
export type CspTarget = 'browser-host' | 'electron' | 'electron-page-meta' | 'page-meta' | 'dev-server';

/**
 * The policy for `target`. `electron-page-meta` is the `<meta>` policy the Electron shell puts in the page as it
 * serves it from `app://` (electron/services/protocol-handlers.ts): the Electron policy without `frame-ancestors`, so
 * no policy of the Electron page allows `ws:`.
 */
export function contentSecurityPolicy(target: CspTarget): string {
  const browser = target !== 'electron' && target !== 'electron-page-meta';
  const electron = target !== 'browser-host';
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...(target === 'dev-server' ? ["'unsafe-inline'"] : [])]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:', ...(electron ? ['atlas-vault:'] : [])]],
    ...(electron ? ([['media-src', ["'self'", 'atlas-vault:']]] as [string, string[]][]) : []),
    ['connect-src', ["'self'", ...(browser ? ['ws://127.0.0.1:*'] : [])]],
    ['font-src', ["'self'", 'data:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ...(target === 'page-meta' || target === 'dev-server' || target === 'electron-page-meta'
      ? []
      : ([['frame-ancestors', ["'none'"]]] as [string, string[]][])),
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
