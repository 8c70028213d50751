import type { BacklinkInfo } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { useApiData } from '../hooks/useApiData.ts';
import { titleOf } from '../paths.ts';

/** Backlinks of the current note (links from other notes to it), each with its context line; click opens the source at that line. */
export function BacklinksPane(props: { path: string | null; refreshKey: number; onOpen(path: string, line: number): void }) {
  const { data, error } = useApiData<BacklinkInfo[]>(() => (props.path ? api.backlinks(props.path) : null), [props.path, props.refreshKey]);
  return (
    <section aria-label="Backlinks" className="pane">
      <h2>Backlinks {data ? <span className="count">{data.length}</span> : null}</h2>
      {error ? <p className="muted">{error.message}</p> : null}
      {data && data.length === 0 ? <p className="muted">No backlinks.</p> : null}
      <ul className="link-list">
        {(data ?? []).map((b, i) => (
          <li key={`${b.source}:${b.line}:${i}`}>
            <button className="link-item" onClick={() => props.onOpen(b.source, b.line)} title={`${b.source}, line ${b.line}`}>
              <span className="link-title">{titleOf(b.source)}</span>
              <span className="context">{b.context}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
