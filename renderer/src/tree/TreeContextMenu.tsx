/**
 * The file tree's context menu (right-click, Shift+F10 or the ContextMenu key on a row): a WAI-ARIA menu from Radix
 * (`@radix-ui/react-context-menu`: role=menu/menuitem, ↑/↓/Home/End, type-ahead, Enter/Space, Escape). Each item runs
 * a command of the one registry (`renderer/src/commands/`) for the row it was opened on; the items follow Obsidian's
 * and VS Code's explorer menus. The menu is one for the whole tree (rows are virtualised), wrapped around the tree's
 * scroll element as its trigger.
 */
import * as Menu from '@radix-ui/react-context-menu';
import type { ReactNode } from 'react';
import type { FileEntry } from '../../../electron/shared/api.ts';

export interface MenuEntry {
  /** Command id run when chosen. */
  command: string;
  label: string;
  /** Shown beside the label and as `aria-keyshortcuts` (e.g. `F2`). */
  keys?: string;
  /** Starts a new group (a separator above it). */
  group?: boolean;
}

/**
 * The entries for a row of `kind`, or for the empty area of the tree (`kind` null: the vault root). Practice only
 * for notes; opening only for notes and attachments.
 */
export function menuEntries(kind: FileEntry['kind'] | null): MenuEntry[] {
  const create: MenuEntry[] = [
    { command: 'file-explorer:new-note', label: 'New note here', group: true },
    { command: 'file-explorer:new-folder', label: 'New folder' },
  ];
  if (kind === null) return [...create, { command: 'file-explorer:collapse-all', label: 'Collapse all', group: true }];
  const open: MenuEntry[] =
    kind === 'folder'
      ? []
      : [
          { command: 'file-explorer:open-new-tab', label: 'Open in new tab', keys: 'Control+Enter' },
          { command: 'file-explorer:open-right', label: 'Open to the right' },
        ];
  const edit: MenuEntry[] = [
    { command: 'file-explorer:rename', label: 'Rename', keys: 'F2', group: true },
    { command: 'file-explorer:delete', label: 'Delete', keys: 'Delete' },
  ];
  const copy: MenuEntry[] = [
    ...(kind === 'note' ? [{ command: 'file-explorer:reveal-in-graph', label: 'Reveal in graph', group: true }] : []),
    { command: 'file-explorer:copy-path', label: 'Copy path', group: kind !== 'note' },
    ...(kind === 'note' ? [{ command: 'file-explorer:copy-link', label: 'Copy wiki link' }] : []),
  ];
  const practice: MenuEntry[] =
    kind === 'note' ? [{ command: 'review:practice-note', label: 'Practice this concept', group: true }] : [];
  const all = [...open, ...create, ...edit, ...copy, ...practice];
  if (all[0]) all[0] = { ...all[0], group: false };
  return all;
}

/** Whether a menu entry can run for `target` (a vault path, or null for the empty area): creating always can. */
export function entryEnabled(
  entry: MenuEntry,
  target: string | null,
  kinds: ReadonlyMap<string, FileEntry['kind']>,
): boolean {
  if (entry.command.startsWith('file-explorer:new-') || entry.command === 'file-explorer:collapse-all') return true;
  return !!target && kinds.has(target);
}

const KEY_HINT: Record<string, string> = { 'Control+Enter': 'Ctrl+Enter', Delete: 'Del' };

export function TreeContextMenu(props: {
  children: ReactNode;
  entries: MenuEntry[];
  /** The accessible name of the menu, e.g. `Actions for goroutine`. */
  label: string;
  onOpenChange(open: boolean): void;
  onChoose(entry: MenuEntry): void;
  /** Whether an entry can run now (greyed otherwise). */
  enabled(entry: MenuEntry): boolean;
  /** Called instead of Radix's default focus return when the menu closes (the tree refocuses its row). */
  onCloseFocus(): void;
  /** Opened from the keyboard: focus the first item, as WAI-ARIA's menu pattern asks. */
  focusFirst: boolean;
}) {
  return (
    <Menu.Root onOpenChange={props.onOpenChange}>
      <Menu.Trigger asChild>{props.children}</Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          // a new target while open (the keyboard's open can render once with the previous target's entries on a
          // busy machine) mounts a new content, so the first-item focus below lands on the right menu's first item
          key={props.label}
          className="context-menu"
          loop
          aria-label={props.label}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            props.onCloseFocus();
          }}
          onFocus={(e) => {
            // Radix focuses the menu itself on open; from the keyboard the first item takes it (once per opening).
            if (!props.focusFirst || e.target !== e.currentTarget || e.currentTarget.dataset.entered) return;
            e.currentTarget.dataset.entered = '1';
            e.currentTarget.querySelector<HTMLElement>('[role="menuitem"]:not([data-disabled])')?.focus();
          }}
        >
          {props.entries.map((entry) => [
            entry.group ? <Menu.Separator key={`${entry.command}-sep`} className="context-menu-sep" /> : null,
            <Menu.Item
              key={entry.command}
              className="context-menu-item"
              disabled={!props.enabled(entry)}
              aria-keyshortcuts={entry.keys}
              onSelect={() => props.onChoose(entry)}
            >
              <span>{entry.label}</span>
              {entry.keys ? (
                <span className="context-menu-keys" aria-hidden="true">
                  {KEY_HINT[entry.keys] ?? entry.keys}
                </span>
              ) : null}
            </Menu.Item>,
          ])}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
