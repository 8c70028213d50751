/**
 * The main area when no tab is open (region "Welcome"), as Obsidian's empty tab offers its actions: the vault's name
 * and counts, recent notes, the most linked notes ("hubs", a way into a vault never opened before), the curated
 * learning paths, and buttons running the registry's commands: "New note" (`file:new-note`), "Quick switcher"
 * (`switcher:open`), "Open graph view" (`graph:open`) and "Start a learning path" (the first step of a curated path,
 * or the Learning panel's target field when the vault has none).
 */
import { useMemo } from 'react';
import type { CuratedPath, FileEntry, GraphData, VaultInfo } from '../../../electron/shared/api.ts';
import { useApiQuery } from '../backend/query.ts';
import { api } from '../client.ts';
import { runCommand } from '../commands/registry.ts';
import { parentFolder, titleOf } from '../paths.ts';
import { hubNotes } from './hub-notes.ts';
import './welcome.css';

/** Rows shown in each list. */
const LIST_MAX = 8;

export interface WelcomeScreenProps {
  info: VaultInfo | null;
  files: readonly FileEntry[];
  graph: GraphData | null;
  /** Recently opened notes, newest first (workspace/recent.ts). */
  recent: readonly string[];
  onOpen(path: string): void;
}

export function WelcomeScreen(props: WelcomeScreenProps) {
  const { files, graph } = props;
  const counts = useMemo(() => {
    let notes = 0;
    let folders = 0;
    let attachments = 0;
    for (const f of files) {
      if (f.path.split('/').some((s) => s.startsWith('.'))) continue;
      if (f.kind === 'note') notes++;
      else if (f.kind === 'folder') folders++;
      else attachments++;
    }
    return { notes, folders, attachments, links: graph?.edges.length ?? 0 };
  }, [files, graph]);
  const exists = useMemo(() => new Set(files.map((f) => f.path)), [files]);
  const recent = props.recent.filter((p) => exists.has(p)).slice(0, LIST_MAX);
  const hubs = useMemo(() => hubNotes(graph, LIST_MAX), [graph]);
  const paths = useApiQuery<CuratedPath[]>(['curatedPaths'], () => api.curatedPaths()).data ?? [];

  const startLearning = () => {
    const first = paths.flatMap((p) => p.steps).find((s) => s.path)?.path;
    if (paths.length && first) {
      props.onOpen(first);
      return;
    }
    const input = document.querySelector<HTMLInputElement>('[aria-label="Learning"] input');
    input?.focus();
  };

  const noteList = (items: { path: string; meta?: string }[], label: string) => (
    <ul className="welcome-list" aria-label={label}>
      {items.map((n) => (
        <li key={n.path}>
          <button type="button" className="welcome-item" title={n.path} onClick={() => props.onOpen(n.path)}>
            <span className="welcome-item-title">{titleOf(n.path)}</span>
            <span className="muted">{n.meta ?? parentFolder(n.path)}</span>
          </button>
        </li>
      ))}
    </ul>
  );

  return (
    <section aria-label="Welcome" className="welcome">
      <h1 className="welcome-vault">{props.info?.name ?? 'Concept Atlas'}</h1>
      <p className="muted welcome-counts">
        {counts.notes} notes · {counts.folders} folders · {counts.attachments} attachments · {counts.links} links
      </p>
      <div className="welcome-actions">
        <button type="button" onClick={() => runCommand('file:new-note')} title="Ctrl+N">
          New note
        </button>
        <button type="button" onClick={() => runCommand('switcher:open')} title="Ctrl+O">
          Quick switcher
        </button>
        <button type="button" onClick={() => runCommand('graph:open')} title="Ctrl+G">
          Open graph view
        </button>
        <button type="button" onClick={startLearning}>
          Start a learning path
        </button>
      </div>
      <div className="welcome-columns">
        <div>
          <h2>Recent notes</h2>
          {recent.length ? (
            noteList(
              recent.map((path) => ({ path })),
              'Recent notes',
            )
          ) : (
            <p className="muted">No note opened yet in this vault.</p>
          )}
        </div>
        <div>
          <h2>Most linked notes</h2>
          {hubs.length ? (
            noteList(
              hubs.map((h) => ({ path: h.path, meta: `${h.links} links` })),
              'Most linked notes',
            )
          ) : (
            <p className="muted">No links yet.</p>
          )}
        </div>
        {paths.length ? (
          <div>
            <h2>Learning paths</h2>
            <ul className="welcome-list" aria-label="Learning paths">
              {paths.slice(0, LIST_MAX).map((p) => {
                const first = p.steps.find((s) => s.path)?.path;
                return (
                  <li key={p.path}>
                    <button
                      type="button"
                      className="welcome-item"
                      disabled={!first}
                      onClick={() => first && props.onOpen(first)}
                      title={`Start with ${first ? titleOf(first) : '—'}`}
                    >
                      <span className="welcome-item-title">{p.title}</span>
                      <span className="muted">{p.steps.length} steps</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </div>
    </section>
  );
}
