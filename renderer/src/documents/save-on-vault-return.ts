/**
 * Saving what could not be saved while the vault folder was missing (issue 10): every write is refused then (the
 * backend's vault-presence.ts), so edits stay unsaved in the editor; when `vault-availability` says the folder is back
 * (the index already re-synced), the open documents are saved, each still checked against the hash it was opened
 * with (a note changed on disk meanwhile raises the conflict dialog, never an overwrite).
 */
import { useEffect } from 'react';
import { on } from '../client.ts';

export function useSaveWhenVaultReturns(store: { flush(): Promise<void> }): void {
  useEffect(
    () =>
      on('vault-availability', (s) => {
        if (s.available) void store.flush();
      }),
    [store],
  );
}
