/**
 * The command palette (Ctrl/Cmd+Shift+P), a dialog named "Command palette": every registered command by name with its
 * shortcut, fuzzy-matched (fuzzysort), recently used commands first on an empty query (as Obsidian).
 */
import fuzzysort from 'fuzzysort';
import { useCallback, useMemo } from 'react';
import { isEnabled, runCommand, shortcutsOf, useCommandList, type Command } from '../commands/registry.ts';
import { formatShortcut } from '../commands/keys.ts';
import { highlightIndexes } from './highlight.tsx';
import { Picker, type PickerItem } from './Picker.tsx';

/** Longest query the palette matches, characters. */
export const PALETTE_MAX_QUERY = 100;
const RECENT_KEY = 'atlas.palette.recent';

function recentIds(): string[] {
  try {
    return JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

interface Item extends PickerItem {
  cmd: Command;
}

function item(cmd: Command, indexes: ReadonlyArray<number>): Item {
  const keys = shortcutsOf(cmd);
  return {
    key: cmd.id,
    label: cmd.name,
    cmd,
    disabled: !isEnabled(cmd),
    content: (
      <>
        <span className="picker-title">{highlightIndexes(cmd.name, indexes)}</span>
        {keys[0] ? <kbd className="picker-kbd">{formatShortcut(keys[0])}</kbd> : null}
      </>
    ),
  };
}

export function CommandPalette(props: { onClose(): void }) {
  const list = useCommandList();
  const visible = useMemo(() => list.filter((c) => !c.hidden), [list]);
  const prepared = useMemo(() => visible.map((c) => ({ cmd: c, name: fuzzysort.prepare(c.name) })), [visible]);

  const search = useCallback(
    (q: string): Item[] => {
      const query = q.trim();
      if (!query) {
        const recent = recentIds();
        const rank = (c: Command) => {
          const i = recent.indexOf(c.id);
          return i < 0 ? Infinity : i;
        };
        return [...visible].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name)).map((c) => item(c, []));
      }
      return fuzzysort
        .go(query, prepared, { key: 'name', threshold: 0.1, limit: 200 })
        .map((r) => item(r.obj.cmd, r.indexes));
    },
    [visible, prepared],
  );

  return (
    <Picker<Item>
      label="Command palette"
      placeholder="Type a command…"
      maxLength={PALETTE_MAX_QUERY}
      search={search}
      empty="No matching command."
      footer={
        <>
          <kbd>↑↓</kbd> to navigate · <kbd>↵</kbd> to run · <kbd>esc</kbd> to dismiss
        </>
      }
      onClose={props.onClose}
      onChoose={(it) => {
        if (!it) return;
        props.onClose();
        localStorage.setItem(
          RECENT_KEY,
          JSON.stringify([it.cmd.id, ...recentIds().filter((x) => x !== it.cmd.id)].slice(0, 20)),
        );
        // After the dialog is gone, so a command that moves the focus (into the editor, a field) keeps it.
        requestAnimationFrame(() => runCommand(it.cmd));
      }}
    />
  );
}
