/**
 * "Open vault…" (#12): the command (in the command palette), the dialog's host (mounted once in
 * shell/DialogsHost.tsx), and the reload of this window when the host switched vaults (`vault-opened`, sent to every
 * window: one that went on showing the old vault's notes could save them into the new one).
 */
import { useSyncExternalStore } from 'react';
import { on } from '../client.ts';
import { registerCommand } from '../commands/registry.ts';
import { OpenVaultDialog } from './OpenVaultDialog.tsx';
import './vaults.css';

let open = false;
const listeners = new Set<() => void>();
function setOpen(v: boolean): void {
  open = v;
  for (const l of listeners) l();
}

registerCommand({ id: 'app:open-vault', name: 'Open vault…', run: () => setOpen(true) });

on('vault-opened', () => window.location.reload());

/** Renders the "Open vault" dialog while it is open. */
export function OpenVaultHost() {
  const isOpen = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
  return isOpen ? <OpenVaultDialog onClose={() => setOpen(false)} /> : null;
}
