/**
 * "Confirm delete" for the file tree: a modal alert dialog (Radix `@radix-ui/react-alert-dialog`: focus trapped,
 * Escape cancels, focus returns to the tree) that names the note or folder, says where it goes (the backend moves it
 * to the vault's `.trash` folder, as Obsidian's "Move to Obsidian trash" does) and how many notes link to it — their
 * links become unresolved. Cancel is focused first, so Enter on a stray Delete key loses nothing.
 */
import * as Dialog from '@radix-ui/react-alert-dialog';
import { useEffect, useState } from 'react';
import type { FileEntry } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { baseName, titleOf } from '../paths.ts';

export interface DeleteTarget {
  path: string;
  kind: FileEntry['kind'];
  /** Notes inside, for a folder. */
  notesInside?: number;
}

/** Distinct notes linking to `path` (outside it), or null while unknown. */
function useBacklinkCount(target: DeleteTarget | null): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    setCount(null);
    if (target?.kind !== 'note') return;
    let live = true;
    api.backlinks(target.path).then(
      (b) => {
        if (live) setCount(new Set(b.map((x) => x.source).filter((s) => s !== target.path)).size);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [target]);
  return count;
}

export function DeleteDialog(props: {
  target: DeleteTarget | null;
  onConfirm(): void;
  onCancel(): void;
  /** Replaces Radix's focus return on close (the tree focuses the row that stays or takes the deleted one's place). */
  onCloseFocus(): void;
}) {
  const t = props.target;
  const backlinks = useBacklinkCount(t);
  const name = t ? (t.kind === 'note' ? titleOf(t.path) : baseName(t.path)) : '';
  return (
    <Dialog.Root
      open={!!t}
      onOpenChange={(open) => {
        if (!open) props.onCancel();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="modal-backdrop" />
        <Dialog.Content
          className="modal delete-dialog"
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            props.onCloseFocus();
          }}
        >
          <Dialog.Title>Delete “{name}”?</Dialog.Title>
          <Dialog.Description>
            {t?.kind === 'folder'
              ? `The folder ${t.path} and the ${t.notesInside ?? 0} note(s) in it are moved to the vault’s .trash folder.`
              : `${t?.path ?? ''} is moved to the vault’s .trash folder.`}
            {t?.kind === 'note' && backlinks !== null
              ? backlinks === 0
                ? ' No other note links to it.'
                : ` ${backlinks} note${backlinks === 1 ? ' links' : 's link'} to it; those links become unresolved.`
              : null}
          </Dialog.Description>
          <div className="modal-actions">
            <Dialog.Cancel asChild>
              <button type="button">Cancel</button>
            </Dialog.Cancel>
            <Dialog.Action asChild>
              <button type="button" className="danger" onClick={props.onConfirm}>
                Delete
              </button>
            </Dialog.Action>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
