/**
 * "Open vault…" (#12): a dialog named "Open vault" with a folder path field and the host's recent vaults. Opening
 * saves the notes with unsaved edits first, asks the host to switch (`api.openVault`: it checks the folder and says
 * why it cannot open one), then the page reloads onto the new vault. A refused path keeps the current vault open.
 */
import { type FormEvent, useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { api } from '../client.ts';
import { appContext } from '../commands/registry.ts';
import { reloadOntoNewVault } from './reload-once.ts';

export function OpenVaultDialog({ onClose }: { onClose(): void }) {
  const [path, setPath] = useState('');
  const [recent, setRecent] = useState<string[]>([]);
  const [current, setCurrent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const inputId = useId();

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    input.current?.focus();
    api.recentVaults().then(setRecent, () => undefined);
    api.vaultInfo().then(
      (i) => setCurrent(i.root),
      () => undefined,
    );
    return () => before?.focus?.();
  }, []);
  const close = useEffectEvent(onClose);
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (dialog.current && e.target instanceof Node && !dialog.current.contains(e.target)) close();
    };
    // Escape closes it wherever the focus is (a button disabled while busy drops the focus to <body>)
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.isComposing) {
        e.preventDefault();
        close();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  const open = async (target: string, e?: FormEvent) => {
    e?.preventDefault();
    if (!target.trim()) {
      setError('Give the path of a folder.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await appContext()?.flushAll?.();
      await api.openVault(target);
      // `vault-opened` reloads every window; this one reloads at once (whichever comes first, once)
      reloadOntoNewVault();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  const others = recent.filter((r) => r !== current);
  return (
    <div className="modal-backdrop">
      <div ref={dialog} role="dialog" aria-modal="true" aria-labelledby={titleId} className="modal open-vault-dialog">
        <h2 id={titleId}>Open vault</h2>
        {current ? <p className="muted open-vault-current">Open now: {current}</p> : null}
        <form onSubmit={(e) => void open(path, e)} className="open-vault-form">
          <label htmlFor={inputId}>Vault folder</label>
          <input
            id={inputId}
            ref={input}
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/home/me/notes"
            autoComplete="off"
            spellCheck={false}
          />
          <button type="submit" disabled={busy}>
            Open
          </button>
        </form>
        {error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null}
        {others.length ? (
          <>
            <h3 className="open-vault-recent-title">Recent vaults</h3>
            <ul className="open-vault-recent" aria-label="Recent vaults">
              {others.map((r) => (
                <li key={r}>
                  <button type="button" className="link-item" disabled={busy} onClick={() => void open(r)}>
                    <span className="link-title">{r.split('/').filter(Boolean).pop() ?? r}</span>
                    <span className="context">{r}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
