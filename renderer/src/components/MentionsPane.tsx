import { useState } from 'react';
import type { MentionInfo } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { useApiQuery } from '../backend/query.ts';
import { titleOf } from '../paths.ts';
import { withKeys } from '../react-keys.ts';

/**
 * Unlinked mentions of the current note: places where another note names it (title or alias) without linking.
 * "Link" turns the mentions on that line into `[[links]]` and "Link all" every one of them (Obsidian's actions),
 * through the backend (`api.linkMentions`: the grammar's longest match, exactly the matched span, written with the
 * hash just read so a concurrent change is refused rather than overwritten).
 */
export function MentionsPane(props: {
  path: string | null;
  onOpen(path: string, line: number): void;
  onError(e: unknown): void;
}) {
  const { data, error } = useApiQuery<MentionInfo[]>(props.path ? ['mentions', props.path] : null, () =>
    api.mentions(props.path as string),
  );
  const [busy, setBusy] = useState<string | null>(null);

  async function link(m: MentionInfo | null) {
    setBusy(m ? `${m.source}:${m.line}` : '*');
    try {
      if (!props.path) return;
      await api.linkMentions(props.path, m ? { source: m.source, line: m.line } : undefined);
    } catch (e) {
      props.onError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-label="Unlinked mentions" className="pane">
      <h2>Unlinked mentions {data ? <span className="count">{data.length}</span> : null}</h2>
      {data && data.length > 0 ? (
        <button type="button" className="small" disabled={busy !== null} onClick={() => void link(null)}>
          Link all
        </button>
      ) : null}
      {error ? <p className="muted">{error.message}</p> : null}
      {data && data.length === 0 ? <p className="muted">No unlinked mentions.</p> : null}
      <ul className="link-list">
        {withKeys(data ?? [], (m) => `${m.source}:${m.line}:${m.text}`).map(({ key, item: m }) => (
          <li key={key} className="mention">
            <button
              type="button"
              className="link-item"
              onClick={() => props.onOpen(m.source, m.line)}
              title={`${m.source}, line ${m.line}`}
            >
              <span className="link-title">{titleOf(m.source)}</span>
              <span className="context">{m.text}</span>
            </button>
            <button
              type="button"
              className="small"
              disabled={busy !== null}
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
