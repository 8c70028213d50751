import { useState } from 'react';
import type { MentionInfo } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { useApiData } from '../hooks/useApiData.ts';
import { titleOf } from '../paths.ts';

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
      const note = await api.readNote(m.source);
      const lines = note.content.split('\n');
      const text = lines[m.line - 1] ?? '';
      const at = text.indexOf(m.text);
      if (at < 0) throw new Error(`The mention “${m.text}” is no longer on line ${m.line} of ${m.source}.`);
      const title = props.path ? titleOf(props.path) : m.text;
      const link = m.text === title ? `[[${title}]]` : `[[${title}|${m.text}]]`;
      lines[m.line - 1] = text.slice(0, at) + link + text.slice(at + m.text.length);
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
              <span className="context">…{m.text}… (line {m.line})</span>
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
