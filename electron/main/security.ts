/**
 * Hardening of the window and its session (Electron security checklist): a Content-Security-Policy on every
 * response, no navigation away from the app, no new windows; external http(s) links open in the system browser.
 */
import { shell, type BrowserWindow, type Session } from 'electron';
import { ELECTRON_CSP, VAULT_SCHEME } from '../services/protocol-handlers.ts';

/** The app's policy (electron/shared/csp.ts) for Electron: vault attachments come from `atlas-vault:` (protocols.ts). */
export { ELECTRON_CSP };

export function isExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function applySessionPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    // vault attachments keep their own, stricter policy (`default-src 'none'` + sandbox: services/vault-file.ts)
    if (details.url.startsWith(`${VAULT_SCHEME}:`)) {
      callback({});
      return;
    }
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [ELECTRON_CSP],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  // The app needs no camera, microphone, notifications, …
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}

export function lockDownWindow(win: BrowserWindow, appUrl: string): void {
  const wc = win.webContents;
  wc.on('will-navigate', (event, url) => {
    if (url === appUrl) return;
    event.preventDefault();
    if (isExternalUrl(url)) void shell.openExternal(url);
  });
  wc.on('will-attach-webview', (event) => event.preventDefault());
  wc.setWindowOpenHandler(({ url }) => {
    if (isExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
