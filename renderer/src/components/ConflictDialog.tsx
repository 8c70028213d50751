import { useEffect, useRef } from 'react';
import type { Conflict } from '../documents/document-store.ts';
import { titleOf } from '../paths.ts';

export type { Conflict };

/**
 * Asks what to do with a note changed on disk under unsaved edits. Nothing is written until the user chooses:
 * "Keep my version" saves the editor's text over the disk version; "Load disk version" drops the edits.
 */
export function ConflictDialog(props: { conflict: Conflict; onKeepMine(): void; onLoadDisk(): void }) {
  const first = useRef<HTMLButtonElement>(null);
  // The first choice takes the focus (the parent keys the dialog by note, so each conflict focuses anew).
  useEffect(() => {
    first.current?.focus();
  }, []);
  const title = titleOf(props.conflict.path);
  return (
    <div className="modal-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="conflict-title"
        aria-describedby="conflict-desc"
        className="modal"
      >
        <h2 id="conflict-title">“{title}” changed on disk</h2>
        <p id="conflict-desc">
          The file {props.conflict.path} was changed on disk by another program while you have unsaved edits. Which
          version do you want to keep?
        </p>
        <details>
          <summary>Disk version</summary>
          <pre className="disk-preview">{props.conflict.diskContent.slice(0, 4000)}</pre>
        </details>
        <div className="modal-actions">
          <button type="button" ref={first} onClick={props.onKeepMine}>
            Keep my version
          </button>
          <button type="button" onClick={props.onLoadDisk}>
            Load disk version
          </button>
        </div>
      </div>
    </div>
  );
}
