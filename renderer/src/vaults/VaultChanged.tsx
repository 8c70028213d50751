/**
 * A vault switch this window missed (#12): another window opened another vault while this one's event socket was
 * down, so this one never saved and held (switch-handshake.ts). The client found out from an answer naming the new
 * vault, or on reconnecting (client.ts `vaultSwitchedAway`); from then on it sends nothing to the host, which also
 * refuses this window's writes (`vault-changed`). This notice holds the window: it names the notes with unsaved
 * edits (never written into the new vault: they belong to the vault this window was opened on) and offers to reload
 * onto the new vault. No key, input, paste or drop reaches the page meanwhile.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { subscribeVaultSwitchedAway, vaultSwitchedAway } from '../client.ts';
import { appContext } from '../commands/registry.ts';

export function VaultChangedNotice() {
  const away = useSyncExternalStore(subscribeVaultSwitchedAway, vaultSwitchedAway);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!away) return;
    box.current?.focus();
    const stop = (e: Event) => {
      if (box.current?.contains(e.target as Node)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    const kinds = ['keydown', 'keypress', 'beforeinput', 'paste', 'cut', 'drop'];
    for (const k of kinds) window.addEventListener(k, stop, true);
    return () => {
      for (const k of kinds) window.removeEventListener(k, stop, true);
    };
  }, [away]);
  if (!away) return null;
  const unsaved = appContext()?.unsavedNotes?.() ?? [];
  return (
    <div className="modal-backdrop switching-vault">
      <div ref={box} tabIndex={-1} role="alertdialog" aria-modal="true" aria-label="Vault changed" className="modal">
        <p>
          This window was showing the vault {away.loaded}. While it was disconnected, another window opened {away.now}.
        </p>
        {unsaved.length > 0 ? (
          <>
            <p>Unsaved changes here were not saved, and will not be written into {away.now}:</p>
            <ul aria-label="Unsaved notes">
              {unsaved.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">This window had no unsaved changes.</p>
        )}
        <button type="button" onClick={() => window.location.reload()}>
          {unsaved.length > 0 ? `Discard them and open ${away.now}` : `Open ${away.now}`}
        </button>
      </div>
    </div>
  );
}
