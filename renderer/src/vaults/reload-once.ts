/**
 * Reloading the page onto the vault the host has open now, once per page (no side effects on import: the event
 * handlers of a switch live in switch-handshake.ts).
 */

let reloading = false;

/**
 * Reloads the page onto the vault the host has open now, once: the window that asked for the switch hears both its
 * `openVault` answer and `vault-opened`, and a second `reload()` issued while the first navigation commits reloads
 * the new page again (an e2e run on a loaded machine lost its page that way).
 */
export function reloadOntoNewVault(): void {
  if (reloading) return;
  reloading = true;
  window.location.reload();
}
