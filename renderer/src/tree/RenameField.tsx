/**
 * The file tree's in-place rename field (F2 or "Rename"): Enter or leaving it commits, Escape cancels (VS Code and
 * Obsidian). `onCommit` resolves false when the rename failed: the field stays for a correction.
 */
import { useEffect, useRef, useState } from 'react';

export function RenameField(props: { initial: string; onCommit(value: string): Promise<boolean>; onCancel(): void }) {
  const [value, setValue] = useState(props.initial);
  const done = useRef(false);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const commit = () => {
    if (done.current) return;
    done.current = true;
    // Only a failed rename re-arms the field (for a correction): after a success the field is leaving, and the blur of
    // its unmount must not rename the old path a second time (that raised a "Not found" alert).
    void props.onCommit(value).then((ok) => {
      if (!ok) done.current = false;
    });
  };
  return (
    <input
      ref={ref}
      className="tree-rename"
      aria-label="New name"
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          done.current = true;
          props.onCancel();
        }
      }}
      onBlur={() => {
        if (!done.current) commit();
      }}
    />
  );
}
