/**
 * The app's top bar: sidebar toggles, history back/forward, the vault name and note count, indexing progress and
 * index errors, the folder of the active note, and buttons for the palette, split and graph commands.
 */
import type { IndexStatus, VaultInfo } from '../../../electron/shared/api.ts';
import { useIndexStatus } from '../backend/vault-events.ts';
import { runCommand } from '../commands/registry.ts';
import { parentFolder } from '../paths.ts';

export interface TopBarProps {
  info: VaultInfo | null;
  canGoBack: boolean;
  canGoForward: boolean;
  activeNote: string | null;
  collapsed: { left: boolean; right: boolean };
}

export function TopBar({ info, canGoBack, canGoForward, activeNote, collapsed }: TopBarProps) {
  return (
    <header className="topbar">
      <button
        type="button"
        className="icon"
        aria-label="Toggle left sidebar"
        aria-pressed={!collapsed.left}
        title="Toggle left sidebar"
        onClick={() => runCommand('workspace:toggle-left-sidebar')}
      >
        ◧
      </button>
      <button
        type="button"
        className="icon"
        aria-label="Back"
        title="Navigate back (Ctrl+Alt+←)"
        disabled={!canGoBack}
        onClick={() => runCommand('history:back')}
      >
        ←
      </button>
      <button
        type="button"
        className="icon"
        aria-label="Forward"
        title="Navigate forward (Ctrl+Alt+→)"
        disabled={!canGoForward}
        onClick={() => runCommand('history:forward')}
      >
        →
      </button>
      <strong className="vault-name" title={info?.root}>
        {info?.name ?? 'Concept Atlas'}
      </strong>
      {info ? <span className="muted nowrap">{info.noteCount} notes</span> : null}
      <IndexProgress />
      <span className="spacer" />
      {activeNote ? (
        <span className="muted crumb" title={activeNote}>
          {parentFolder(activeNote) || '/'}
        </span>
      ) : null}
      <button
        type="button"
        onClick={() => runCommand('app:command-palette')}
        title="Command palette (Ctrl+Shift+P)"
        aria-label="Command palette"
      >
        ⌘
      </button>
      <button
        type="button"
        onClick={() => runCommand('workspace:split-vertical')}
        title="Split right (Ctrl+\\)"
        aria-label="Split right"
      >
        Split
      </button>
      <button type="button" onClick={() => runCommand('graph:open')} title="Graph view (Ctrl+G)">
        Graph
      </button>
      <button
        type="button"
        className="icon"
        aria-label="Toggle right sidebar"
        aria-pressed={!collapsed.right}
        title="Toggle right sidebar"
        onClick={() => runCommand('workspace:toggle-right-sidebar')}
      >
        ◨
      </button>
    </header>
  );
}

/**
 * Indexing progress (every index pass ends with an `idle` or `error` status, AtlasIndex.tracked, so `indexing` means
 * work in progress) or the last index error.
 */
function IndexProgress() {
  // subscribed here, not in App: a cold index's progress events re-render this element only
  const status: IndexStatus | null = useIndexStatus();
  if (status?.state === 'indexing') {
    return (
      <span className="indexing">
        <progress
          aria-label="Indexing"
          max={status.total || undefined}
          value={status.total ? status.done : undefined}
        />
        <span className="muted nowrap">
          Indexing {status.done}/{status.total}
        </span>
      </span>
    );
  }
  if (status?.state === 'error') return <span className="error-text">Index error: {status.message}</span>;
  return null;
}
