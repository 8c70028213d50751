/**
 * This window's part in a vault switch (#12; the host's side is electron/services/vault-switcher.ts). When any window
 * asks the host to open another vault, the host announces `vault-switch-requested` before it changes anything; this
 * window then
 * 1. saves every note with unsaved edits (the writes go to the vault open now, the old one),
 * 2. when all were saved, holds: a "Switching vault" overlay takes the input, so no edit is made that could be
 *    written after the switch (into the new vault) or lost by the reload,
 * 3. answers `vaultSwitchReady` with the notes it could not save (a conflict, a failed write: the host then refuses
 *    the switch and names them; this window also says so);
 * then `vault-opened` reloads the page onto the new vault, or `vault-switch-cancelled` lets it go on.
 * A hold that hears neither within the host's wait plus {@link HOLD_GRACE_MS} asks the host which vault is open:
 * another one → reload (its edits were saved before the hold), the same → go on.
 */
import { api, on, subscribeVaultSwitchedAway, vaultSwitchedAway } from '../client.ts';
import { appContext } from '../commands/registry.ts';
import { reloadOntoNewVault } from './reload-once.ts';

/** Extra time a held window waits for the outcome beyond the host's answer window, ms. */
export const HOLD_GRACE_MS = 30_000;

export interface SwitchHold {
  /** The switch asked for. */
  id: string;
  /** The vault being opened (absolute path). */
  to: string;
}

let hold: SwitchHold | null = null;
const listeners = new Set<() => void>();
const cancelled = new Set<string>();

function setHold(h: SwitchHold | null): void {
  hold = h;
  for (const l of listeners) l();
}

/** The switch this window holds for, or null. */
export function currentHold(): SwitchHold | null {
  return hold;
}

export function subscribeHold(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

async function answer(req: { id: string; to: string; waitMs: number }): Promise<void> {
  const app = appContext();
  const before = (await api.vaultInfo().catch(() => null))?.root ?? null;
  await app?.flushAll?.().catch(() => undefined);
  const unsaved = app?.unsavedNotes?.() ?? [];
  if (unsaved.length === 0 && !cancelled.has(req.id)) {
    setHold({ id: req.id, to: req.to });
    setTimeout(() => void checkStuck(req.id, before), req.waitMs + HOLD_GRACE_MS);
  } else if (unsaved.length > 0) {
    app?.showError(
      new Error(
        `Another window asked to open ${req.to}; it was not switched because these notes have changes here that could not be saved: ${unsaved.join(', ')}.`,
      ),
    );
  }
  await api.vaultSwitchReady(req.id, { window: app?.activePath ?? '', unsaved }).catch(() => undefined);
}

/** Neither outcome arrived (the event socket dropped?): reload if the host opened another vault, else go on. */
async function checkStuck(id: string, before: string | null): Promise<void> {
  if (hold?.id !== id) return;
  if (vaultSwitchedAway()) return reloadOntoNewVault();
  const now = (await api.vaultInfo().catch(() => null))?.root ?? null;
  if (now !== null && before !== null && now !== before) reloadOntoNewVault();
  else if (hold?.id === id) setHold(null);
}

on('vault-switch-requested', (req) => void answer(req));
on('vault-switch-cancelled', ({ id }) => {
  cancelled.add(id);
  if (hold?.id === id) setHold(null);
});
on('vault-opened', reloadOntoNewVault);
// a held window whose calls meet the new vault before `vault-opened` arrives: the switch it saved for has happened
subscribeVaultSwitchedAway(() => {
  if (hold) reloadOntoNewVault();
});
