import type { BacklinkInfo } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { useApiQuery } from '../backend/query.ts';
import { titleOf } from '../paths.ts';
import { withKeys } from '../react-keys.ts';

/**
 * Backlinks of the current note (links from other notes to it), grouped by source note as Obsidian does, each with
 * its context line (a line with several links to the note once); clicking a context line opens the source there.
 */
export function BacklinksPane(props: { path: string | null; onOpen(path: string, line: number): void }) {
  const { data, error } = useApiQuery<BacklinkInfo[]>(props.path ? ['backlinks', props.path] : null, () =>
    api.backlinks(props.path as string),
  );
  // one entry per source line: a line holding several links to this note is listed once (Obsidian)
  const groups = new Map<string, BacklinkInfo[]>();
  const seen = new Set<string>();
  for (const b of data ?? []) {
    const once = `${b.source}\0${b.line}\0${b.context}`;
    if (seen.has(once)) continue;
    seen.add(once);
    const g = groups.get(b.source);
    if (g) g.push(b);
    else groups.set(b.source, [b]);
  }
  return (
    <section aria-label="Backlinks" className="pane">
      <h2>Backlinks {data ? <span className="count">{groups.size}</span> : null}</h2>
      {error ? <p className="muted">{error.message}</p> : null}
      {data && data.length === 0 ? <p className="muted">No backlinks.</p> : null}
      <ul className="link-list">
        {[...groups].map(([source, links]) => (
          <li key={source}>
            <button
              type="button"
              className="link-item"
              onClick={() => props.onOpen(source, links[0].line)}
              title={source}
            >
              <span className="link-title">{titleOf(source)}</span>
            </button>
            <ul className="contexts">
              {withKeys(links, (b) => `${b.line}:${b.kind}:${b.context}`).map(({ key, item: b }) => (
                <li key={key}>
                  <button
                    type="button"
                    className="context-item"
                    onClick={() => props.onOpen(source, b.line)}
                    title={`${source}, line ${b.line}`}
                  >
                    <span className="context">{b.context || b.kind}</span>
                  </button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
