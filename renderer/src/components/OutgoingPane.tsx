import { markdownDestination, splitMarkdownUrl, splitWiki, wikiInner } from '../../../electron/core/markdown/index.ts';
import type { OutgoingLinkInfo } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { useApiQuery } from '../backend/query.ts';
import { titleOf } from '../paths.ts';
import type { OpenOptions } from '../commands/context.ts';

/** Outgoing links of the current note; unresolved links are shown as such and clicking one creates the note. */
export function OutgoingPane(props: {
  path: string | null;
  /** Opens a link's target, scrolled to the link's heading or block. */
  onOpen(path: string, opts?: OpenOptions): void;
  onCreate(fromPath: string, target: string): void;
}) {
  const { data, error } = useApiQuery<OutgoingLinkInfo[]>(props.path ? ['outgoing', props.path] : null, () =>
    api.outgoing(props.path as string),
  );
  // One row per target (a note often links the same target several times).
  const rows: OutgoingLinkInfo[] = [];
  const seen = new Set<string>();
  for (const l of data ?? []) {
    const key = l.target ?? `?${l.raw}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(l);
  }
  // the name as written, read by the grammar (wiki link, embed, bare property value or markdown destination)
  const unresolvedName = (l: OutgoingLinkInfo) =>
    (l.kind === 'markdown'
      ? splitMarkdownUrl(markdownDestination(l.raw)?.path ?? '')?.target
      : splitWiki(wikiInner(l.raw))?.target) ?? l.raw;
  return (
    <section aria-label="Outgoing links" className="pane">
      <h2>Outgoing links {data ? <span className="count">{rows.length}</span> : null}</h2>
      {error ? <p className="muted">{error.message}</p> : null}
      {data && rows.length === 0 ? <p className="muted">No outgoing links.</p> : null}
      <ul className="link-list">
        {rows.map((l) => (
          <li key={l.target ?? `?${l.raw}`}>
            {l.target ? (
              <button
                type="button"
                className="link-item"
                onClick={() =>
                  props.onOpen(l.target!, { heading: l.heading ?? undefined, block: l.block ?? undefined })
                }
                title={l.target}
              >
                <span className="link-title">{titleOf(l.target)}</span>
                {l.relation ? <span className="badge">{l.relation}</span> : null}
              </button>
            ) : (
              <button
                type="button"
                className="link-item unresolved"
                onClick={() => props.onCreate(props.path!, unresolvedName(l))}
                title={`Unresolved: ${l.raw} (click to create)`}
              >
                <span className="link-title">{unresolvedName(l)}</span>
                <span className="badge">unresolved</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
