/**
 * The file tree's inline "New note" / "New folder" form (a form named by its mode, with a "Name" field): the name is
 * typed relative to the folder shown (`folder/name` makes sub-folders), Enter creates, Escape or "Cancel" closes.
 */
import type { FormEvent, RefObject } from 'react';

export interface NewItemFormProps {
  mode: 'note' | 'folder';
  /** The folder the item goes into ('' = the vault root). */
  folder: string;
  value: string;
  /** A create is running: the Create button is disabled. */
  busy: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  onChange(value: string): void;
  onSubmit(e: FormEvent): void;
  onCancel(): void;
}

export function NewItemForm(props: NewItemFormProps) {
  const label = props.mode === 'note' ? 'New note' : 'New folder';
  return (
    <form className="inline-form" aria-label={label} onSubmit={props.onSubmit}>
      <label>
        <span className="form-caption">
          {label} in {props.folder || 'vault root'}
        </span>
        <input
          ref={props.inputRef}
          aria-label="Name"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') props.onCancel();
          }}
          placeholder={props.mode === 'folder' ? 'Folder name' : 'Note name, or folder/name'}
        />
      </label>
      <button type="submit" disabled={props.busy}>
        Create
      </button>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}
