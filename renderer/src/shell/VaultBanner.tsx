/**
 * The "Vault folder missing" banner (issue 10): shown while the vault folder is renamed, moved or deleted under the
 * running app (`vault-availability`, electron/services/vault-presence.ts). It says that nothing can be saved (every
 * write is refused, so unsaved edits stay in the editor) and that what was indexed stays readable; it goes away by
 * itself when the folder is back (the backend re-syncs the index first) or another vault is opened.
 */
import { useEffect, useState } from 'react';
import type { VaultAvailability } from '../../../electron/shared/api.ts';
import { api, on } from '../client.ts';

/** The later of two states (by `since`), so an answer fetched before an event never hides the event. */
function later(a: VaultAvailability | null, b: VaultAvailability): VaultAvailability {
  return a && a.since > b.since ? a : b;
}

export function VaultBanner() {
  const [state, setState] = useState<VaultAvailability | null>(null);
  useEffect(() => {
    let live = true;
    const off = on('vault-availability', (s) => setState((cur) => later(cur, s)));
    api.vaultAvailability().then(
      (s) => {
        if (live) setState((cur) => later(cur, s));
      },
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
  }, []);
  if (!state || state.available) return null;
  return (
    <div role="alert" aria-label="Vault folder missing" className="vault-banner">
      <strong>Vault folder missing.</strong> {state.message} Unsaved edits stay open in the editor.
    </div>
  );
}
