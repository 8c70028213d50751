/**
 * "Open vault…" (#12): the command (in the command palette), the dialog's host (mounted once in
 * shell/DialogsHost.tsx), and this window's part in a switch asked for by any window (switch-handshake.ts: save the
 * edits to the old vault, hold under a "Switching vault" overlay, reload onto the new vault on `vault-opened` — a
 * window that went on showing the old vault's notes could save them into the new one), and the notice of a switch
 * this window missed while disconnected (VaultChanged.tsx).
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { registerCommand } from '../commands/registry.ts';
import { OpenVaultDialog } from './OpenVaultDialog.tsx';
import { currentHold, subscribeHold } from './switch-handshake.ts';
import { VaultChangedNotice } from './VaultChanged.tsx';
import './vaults.css';

let open = false;
const listeners = new Set<() => void>();
function setOpen(v: boolean): void {
  open = v;
  for (const l of listeners) l();
}

registerCommand({ id: 'app:open-vault', name: 'Open vault…', run: () => setOpen(true) });

/** While a switch is under way: a modal notice over the whole window, so nothing is edited meanwhile. */
function SwitchingOverlay() {
  const hold = useSyncExternalStore(subscribeHold, currentHold);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!hold) return;
    // the focus leaves the editor and no key, input, paste or drop reaches the page while held
    box.current?.focus();
    const stop = (e: Event) => {
      e.preventDefault();
      e.stopPropagation();
    };
    const kinds = ['keydown', 'keypress', 'beforeinput', 'paste', 'cut', 'drop'];
    for (const k of kinds) window.addEventListener(k, stop, true);
    return () => {
      for (const k of kinds) window.removeEventListener(k, stop, true);
    };
  }, [hold]);
  if (!hold) return null;
  return (
    <div className="modal-backdrop switching-vault">
      <div ref={box} tabIndex={-1} role="alertdialog" aria-modal="true" aria-label="Switching vault" className="modal">
        <p>Opening {hold.to}…</p>
        <p className="muted">Your edits were saved to the vault open now.</p>
      </div>
    </div>
  );
}

/** Renders the "Open vault" dialog while it is open, and the switching notice. */
export function OpenVaultHost() {
  const isOpen = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
  // a window held for a switch reloads when it hears of it (switch-handshake.ts), missed or not
  const hold = useSyncExternalStore(subscribeHold, currentHold);
  return (
    <>
      {isOpen ? <OpenVaultDialog onClose={() => setOpen(false)} /> : null}
      <SwitchingOverlay />
      {hold ? null : <VaultChangedNotice />}
    </>
  );
}
