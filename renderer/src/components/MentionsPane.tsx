import { useState } from 'react';
import type { MentionInfo } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { useApiData } from '../hooks/useApiData.ts';
import { titleOf } from '../paths.ts';
import { linkMentionInLine } from '../mention-link.ts';

/**
 * Unlinked mentions of the current note: places where another note names it (title or alias) without linking.
 * "Link" turns that mention into a `[[link]]` (Obsidian's "Link" action), writing with the hash just read so a
 * concurrent change is refused rather than overwritten.
 */
export function MentionsPane(props: { path: string | null; refreshKey: number; onOpen(path: string, line: number): void; onError(e: unknown): void }) {
  const { data, error } = useApiData<MentionInfo[]>(() => (props.path ? api.mentions(props.path) : null), [props.path, props.refreshKey]);
  const [busy, setBusy] = useState<string | null>(null);

  async function link(m: MentionInfo) {
    setBusy(`${m.source}:${m.line}`);
    try {
      if (!props.path) return;
      const [note, info] = await Promise.all([api.readNote(m.source), api.noteInfo(props.path)]);
      const lines = note.content.split('\n');
      const linked = linkMentionInLine(lines[m.line - 1] ?? '', info.title, info.aliases);
      if (linked === null) throw new Error(`Line ${m.line} of ${m.source} no longer mentions “${info.title}”.`);
      lines[m.line - 1] = linked;
      // With the hash just read: if the file changed meanwhile the write is refused (conflict), nothing is lost.
      await api.writeNote(m.source, lines.join('\n'), note.hash);
    } catch (e) {
      props.onError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-label="Unlinked mentions" className="pane">
      <h2>Unlinked mentions {data ? <span className="count">{data.length}</span> : null}</h2>
      {error ? <p className="muted">{error.message}</p> : null}
      {data && data.length === 0 ? <p className="muted">No unlinked mentions.</p> : null}
      <ul className="link-list">
        {(data ?? []).map((m, i) => (
          <li key={`${m.source}:${m.line}:${i}`} className="mention">
            <button className="link-item" onClick={() => props.onOpen(m.source, m.line)} title={`${m.source}, line ${m.line}`}>
              <span className="link-title">{titleOf(m.source)}</span>
              <span className="context">{m.text}</span>
            </button>
            <button
              className="small"
              disabled={busy === `${m.source}:${m.line}`}
              aria-label={`Link mention in ${titleOf(m.source)} line ${m.line}`}
              onClick={() => void link(m)}
            >
              Link
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
